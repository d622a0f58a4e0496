/**
 * schema.org JSON-LD for a location page, so search engines can show the school's address.
 * EducationalOrganization is both a Place (CivicStructure) and an Organization, which fits a
 * teaching location of a keurmerk holder.
 */
import type { Holder, Location } from '../register/index.ts';
import { locationName, streetLine } from '../register/model.ts';

/** Serialised with `<` escaped: a name holding `</script>` must not end the script element. */
export function locationJsonLd(location: Location, holder: Holder, url?: string): string {
  const phone = location.phone ?? holder.phone;
  const data = {
    '@context': 'https://schema.org',
    '@type': 'EducationalOrganization',
    name: locationName(location, holder),
    ...(url ? { url } : {}),
    address: {
      '@type': 'PostalAddress',
      streetAddress: streetLine(location),
      postalCode: location.postcode,
      addressLocality: location.city,
      addressRegion: location.province,
      addressCountry: 'NL',
    },
    ...(location.latitude !== undefined && location.longitude !== undefined
      ? { geo: { '@type': 'GeoCoordinates', latitude: location.latitude, longitude: location.longitude } }
      : {}),
    ...(phone ? { telephone: phone } : {}),
    ...(location.email ?? holder.email ? { email: location.email ?? holder.email } : {}),
    parentOrganization: {
      '@type': 'EducationalOrganization',
      name: holder.name,
      ...(holder.kvk_number ? { identifier: `KvK ${holder.kvk_number}` } : {}),
      ...(holder.website ? { sameAs: holder.website } : {}),
    },
  };
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
