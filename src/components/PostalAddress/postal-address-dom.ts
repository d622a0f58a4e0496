/**
 * The PostalAddress as browser scripts build it (search cards, map cards): street, postcode
 * and place as one left-to-right unit, exactly as `PostalAddress.astro` writes it on the
 * server, so a right-to-left page does not reorder the pieces.
 */
export function postalAddressElement(street: string, postcode: string, city: string): HTMLElement {
  const unit = document.createElement('span');
  unit.className = 'kr-postal-address kr-ltr';
  unit.translate = false;
  const code = document.createElement('span');
  code.className = 'kr-ltr kr-postal-address__postcode';
  code.textContent = postcode;
  unit.append(`${street}, `, code, ` ${city}`);
  return unit;
}
