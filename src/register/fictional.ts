/**
 * Whether a register is invented: the site then says so on every page, because a visitor
 * must never take an invented school for a real one.
 *
 * Decided by the data, not by the folder it was read from: the sample copied elsewhere is
 * still fictional, and a real export put in `data/` is still real. The sign is the one the
 * generator (and the hand-made test fixtures) always leave: every web and e-mail address is
 * on a domain reserved for examples (RFC 2606 and RFC 6761), which no real school can have.
 */
import type { Register } from './model.ts';

const RESERVED = /(^|\.)(example|test|invalid|localhost)$|(^|\.)example\.(com|net|org)$/i;

function hostOf(address: string): string | undefined {
  if (address.includes('@') && !address.includes('://')) return address.slice(address.lastIndexOf('@') + 1);
  try {
    return new URL(address).hostname;
  } catch {
    return undefined;
  }
}

/** True when the register has web or e-mail addresses and every one of them is on a reserved example domain. */
export function isFictionalRegister(register: Register): boolean {
  const addresses = [
    ...register.holders.flatMap((h) => [h.website, h.email]),
    ...register.locations.map((l) => l.email),
  ].filter((a): a is string => a !== undefined);
  return addresses.length > 0 && addresses.every((a) => RESERVED.test(hostOf(a) ?? ''));
}
