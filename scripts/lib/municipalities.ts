/**
 * Real Dutch municipalities for the register generator.
 *
 * Codes and names are CBS's (gemeentelijke indeling), current as of 2026: merged
 * municipalities appear under their new code (Dijk en Waard GM1980, Land van Cuijk GM1982,
 * Maashorst GM1991, Voorne aan Zee GM1992), never under an old one. Names are spelled as
 * CBS spells them, qualifiers included ("Hengelo (O.)", "Middelburg (Z.)", "Rijswijk (ZH.)").
 * Province names are the contract's (`Fryslân`).
 *
 * The rest is approximate and only has to look plausible: `lat`/`lon` is roughly the centre
 * of the town (moved inland a little where the centre lies on the water), `weight` is roughly the population in thousands (used to spread
 * generated locations the way language schools are spread: mostly in the cities), and
 * each place has a 4-digit postcode range in which generated postcodes fall.
 */
import type { Province } from '../../src/register/vocabulary.ts';

export interface Place {
  /** Town (woonplaats) as the BAG writes it. */
  city: string;
  /** Inclusive range of the numeric part of the postcode. */
  postcodes: readonly [number, number];
  lat: number;
  lon: number;
  /**
   * Generated locations lie within this many kilometres of lat/lon. Larger for cities,
   * smaller for towns by the sea, a lake or a border, so that no marker ends up in the water
   * or abroad.
   */
  radiusKm: number;
}

export interface Municipality {
  code: string;
  name: string;
  province: Province;
  /** Rough population in thousands; generated locations are drawn in proportion to it. */
  weight: number;
  /** The main town first. */
  places: readonly Place[];
}

const m = (
  code: string,
  name: string,
  province: Province,
  weight: number,
  ...places: [city: string, from: number, to: number, lat: number, lon: number, radiusKm?: number][]
): Municipality => ({
  code,
  name,
  province,
  weight,
  places: places.map(([city, from, to, lat, lon, radiusKm]) => ({
    city,
    postcodes: [from, to] as const,
    lat,
    lon,
    radiusKm: radiusKm ?? (weight >= 300 ? 3.5 : weight >= 100 ? 2.5 : weight >= 50 ? 1.5 : 1),
  })),
});

export const MUNICIPALITIES: readonly Municipality[] = [
  // Groningen
  m('GM0014', 'Groningen', 'Groningen', 240, ['Groningen', 9711, 9747, 53.2194, 6.5665]),
  m('GM1952', 'Midden-Groningen', 'Groningen', 61, ['Hoogezand', 9601, 9611, 53.1614, 6.7606]),
  m('GM1895', 'Oldambt', 'Groningen', 39, ['Winschoten', 9671, 9675, 53.1436, 7.0347]),
  m('GM0047', 'Veendam', 'Groningen', 28, ['Veendam', 9641, 9648, 53.1067, 6.8792]),
  m('GM0037', 'Stadskanaal', 'Groningen', 32, ['Stadskanaal', 9501, 9504, 52.989, 6.95]),
  m('GM1979', 'Eemsdelta', 'Groningen', 45, ['Delfzijl', 9931, 9936, 53.325, 6.905, 0.8], ['Appingedam', 9901, 9903, 53.321, 6.858]),
  m('GM1969', 'Westerkwartier', 'Groningen', 65, ['Leek', 9351, 9356, 53.162, 6.376], ['Zuidhorn', 9801, 9801, 53.247, 6.406]),
  m('GM1966', 'Het Hogeland', 'Groningen', 48, ['Winsum', 9951, 9952, 53.33, 6.517], ['Uithuizen', 9981, 9981, 53.407, 6.671]),
  m('GM1950', 'Westerwolde', 'Groningen', 26, ['Ter Apel', 9561, 9563, 52.878, 7.065, 0.8]),

  // Fryslân
  m('GM0080', 'Leeuwarden', 'Fryslân', 125, ['Leeuwarden', 8911, 8939, 53.2012, 5.7999]),
  m('GM1900', 'Súdwest-Fryslân', 'Fryslân', 91, ['Sneek', 8601, 8608, 53.033, 5.659], ['Bolsward', 8701, 8702, 53.065, 5.531]),
  m('GM0090', 'Smallingerland', 'Fryslân', 57, ['Drachten', 9201, 9207, 53.105, 6.098]),
  m('GM0074', 'Heerenveen', 'Fryslân', 51, ['Heerenveen', 8441, 8448, 52.96, 5.92]),
  m('GM1940', 'De Fryske Marren', 'Fryslân', 52, ['Joure', 8501, 8503, 52.966, 5.797]),
  m('GM0072', 'Harlingen', 'Fryslân', 16, ['Harlingen', 8861, 8864, 53.173, 5.433, 0.6]),
  m('GM1970', 'Noardeast-Fryslân', 'Fryslân', 45, ['Dokkum', 9101, 9104, 53.3256, 5.9989]),
  m('GM0737', 'Tytsjerksteradiel', 'Fryslân', 32, ['Burgum', 9251, 9251, 53.192, 5.992]),
  m('GM0085', 'Ooststellingwerf', 'Fryslân', 26, ['Oosterwolde', 8431, 8433, 52.99, 6.29]),
  m('GM1949', 'Waadhoeke', 'Fryslân', 47, ['Franeker', 8801, 8802, 53.187, 5.542]),

  // Drenthe
  m('GM0106', 'Assen', 'Drenthe', 69, ['Assen', 9401, 9409, 52.9925, 6.5649]),
  m('GM0114', 'Emmen', 'Drenthe', 107, ['Emmen', 7811, 7833, 52.7792, 6.9069]),
  m('GM0118', 'Hoogeveen', 'Drenthe', 56, ['Hoogeveen', 7901, 7909, 52.7233, 6.4764]),
  m('GM0119', 'Meppel', 'Drenthe', 35, ['Meppel', 7941, 7944, 52.6956, 6.1944]),
  m('GM0109', 'Coevorden', 'Drenthe', 35, ['Coevorden', 7741, 7742, 52.66, 6.73, 0.8]),
  m('GM1731', 'Midden-Drenthe', 'Drenthe', 33, ['Beilen', 9411, 9412, 52.862, 6.513]),
  m('GM1730', 'Tynaarlo', 'Drenthe', 34, ['Zuidlaren', 9471, 9472, 53.094, 6.685]),
  m('GM1699', 'Noordenveld', 'Drenthe', 32, ['Roden', 9301, 9302, 53.138, 6.421]),

  // Overijssel
  m('GM0193', 'Zwolle', 'Overijssel', 130, ['Zwolle', 8011, 8043, 52.5168, 6.083]),
  m('GM0153', 'Enschede', 'Overijssel', 160, ['Enschede', 7511, 7548, 52.2215, 6.8937]),
  m('GM0150', 'Deventer', 'Overijssel', 102, ['Deventer', 7411, 7429, 52.255, 6.1639]),
  m('GM0141', 'Almelo', 'Overijssel', 74, ['Almelo', 7601, 7609, 52.3567, 6.6625]),
  m('GM0164', 'Hengelo (O.)', 'Overijssel', 82, ['Hengelo', 7551, 7559, 52.2658, 6.7931]),
  m('GM0166', 'Kampen', 'Overijssel', 55, ['Kampen', 8261, 8267, 52.555, 5.911]),
  m('GM0160', 'Hardenberg', 'Overijssel', 62, ['Hardenberg', 7771, 7773, 52.5758, 6.6194]),
  m('GM0173', 'Oldenzaal', 'Overijssel', 32, ['Oldenzaal', 7571, 7577, 52.3133, 6.9286]),
  m('GM1742', 'Rijssen-Holten', 'Overijssel', 39, ['Rijssen', 7461, 7463, 52.306, 6.519]),
  m('GM1708', 'Steenwijkerland', 'Overijssel', 45, ['Steenwijk', 8331, 8334, 52.787, 6.119]),

  // Flevoland
  m('GM0034', 'Almere', 'Flevoland', 225, ['Almere', 1311, 1363, 52.3508, 5.2647]),
  m('GM0995', 'Lelystad', 'Flevoland', 80, ['Lelystad', 8211, 8245, 52.508, 5.475, 2]),
  m('GM0303', 'Dronten', 'Flevoland', 43, ['Dronten', 8251, 8256, 52.525, 5.718]),
  m('GM0171', 'Noordoostpolder', 'Flevoland', 48, ['Emmeloord', 8301, 8305, 52.71, 5.748]),
  m('GM0184', 'Urk', 'Flevoland', 22, ['Urk', 8321, 8322, 52.66, 5.612, 0.6]),
  m('GM0050', 'Zeewolde', 'Flevoland', 24, ['Zeewolde', 3891, 3897, 52.335, 5.545, 0.8]),

  // Gelderland
  m('GM0202', 'Arnhem', 'Gelderland', 165, ['Arnhem', 6811, 6846, 51.9851, 5.8987]),
  m('GM0268', 'Nijmegen', 'Gelderland', 180, ['Nijmegen', 6511, 6546, 51.835, 5.8528, 2]),
  m('GM0200', 'Apeldoorn', 'Gelderland', 165, ['Apeldoorn', 7311, 7336, 52.2112, 5.9699]),
  m('GM0228', 'Ede', 'Gelderland', 120, ['Ede', 6711, 6718, 52.0402, 5.6649]),
  m('GM0222', 'Doetinchem', 'Gelderland', 58, ['Doetinchem', 7001, 7009, 51.965, 6.2886]),
  m('GM0301', 'Zutphen', 'Gelderland', 48, ['Zutphen', 7201, 7207, 52.1383, 6.2014]),
  m('GM0243', 'Harderwijk', 'Gelderland', 49, ['Harderwijk', 3841, 3848, 52.338, 5.625, 1]),
  m('GM0281', 'Tiel', 'Gelderland', 43, ['Tiel', 4001, 4007, 51.8867, 5.4292]),
  m('GM0289', 'Wageningen', 'Gelderland', 40, ['Wageningen', 6701, 6709, 51.9692, 5.6654]),
  m('GM0203', 'Barneveld', 'Gelderland', 60, ['Barneveld', 3771, 3774, 52.14, 5.585]),
  m('GM0294', 'Winterswijk', 'Gelderland', 29, ['Winterswijk', 7101, 7104, 51.972, 6.72]),
  m('GM0216', 'Culemborg', 'Gelderland', 29, ['Culemborg', 4101, 4107, 51.955, 5.227]),
  m('GM1960', 'West Betuwe', 'Gelderland', 52, ['Geldermalsen', 4191, 4191, 51.883, 5.289]),

  // Utrecht
  m('GM0344', 'Utrecht', 'Utrecht', 370, ['Utrecht', 3511, 3585, 52.0907, 5.1214]),
  m('GM0307', 'Amersfoort', 'Utrecht', 160, ['Amersfoort', 3811, 3829, 52.1561, 5.3878]),
  m('GM0356', 'Nieuwegein', 'Utrecht', 65, ['Nieuwegein', 3431, 3439, 52.029, 5.08]),
  m('GM0345', 'Veenendaal', 'Utrecht', 67, ['Veenendaal', 3901, 3907, 52.0286, 5.5589]),
  m('GM0355', 'Zeist', 'Utrecht', 66, ['Zeist', 3701, 3709, 52.0894, 5.2322]),
  m('GM0321', 'Houten', 'Utrecht', 50, ['Houten', 3991, 3997, 52.0286, 5.1681]),
  m('GM0632', 'Woerden', 'Utrecht', 53, ['Woerden', 3441, 3448, 52.0857, 4.8833]),
  m('GM0353', 'IJsselstein', 'Utrecht', 34, ['IJsselstein', 3401, 3402, 52.02, 5.043]),
  m('GM1904', 'Stichtse Vecht', 'Utrecht', 65, ['Maarssen', 3601, 3608, 52.135, 5.038]),
  m('GM1581', 'Utrechtse Heuvelrug', 'Utrecht', 50, ['Driebergen-Rijsenburg', 3971, 3972, 52.052, 5.281], ['Doorn', 3941, 3941, 52.033, 5.34]),

  // Noord-Holland
  m('GM0363', 'Amsterdam', 'Noord-Holland', 930, ['Amsterdam', 1011, 1109, 52.3728, 4.8936]),
  m('GM0392', 'Haarlem', 'Noord-Holland', 165, ['Haarlem', 2011, 2037, 52.3874, 4.6462]),
  m('GM0479', 'Zaanstad', 'Noord-Holland', 160, ['Zaandam', 1501, 1509, 52.442, 4.8292]),
  m('GM0394', 'Haarlemmermeer', 'Noord-Holland', 160, ['Hoofddorp', 2131, 2136, 52.303, 4.689]),
  m('GM0361', 'Alkmaar', 'Noord-Holland', 110, ['Alkmaar', 1811, 1827, 52.6324, 4.7534]),
  m('GM0402', 'Hilversum', 'Noord-Holland', 92, ['Hilversum', 1211, 1223, 52.2292, 5.1669]),
  m('GM0362', 'Amstelveen', 'Noord-Holland', 92, ['Amstelveen', 1181, 1189, 52.3114, 4.8701]),
  m('GM0439', 'Purmerend', 'Noord-Holland', 93, ['Purmerend', 1441, 1448, 52.505, 4.9597]),
  m('GM0405', 'Hoorn', 'Noord-Holland', 74, ['Hoorn', 1621, 1628, 52.648, 5.055, 0.8]),
  m('GM0400', 'Den Helder', 'Noord-Holland', 56, ['Den Helder', 1781, 1789, 52.9563, 4.7601, 1]),
  m('GM0453', 'Velsen', 'Noord-Holland', 69, ['IJmuiden', 1971, 1976, 52.455, 4.615, 0.8]),
  m('GM1980', 'Dijk en Waard', 'Noord-Holland', 88, ['Heerhugowaard', 1701, 1706, 52.669, 4.83]),
  m('GM1942', 'Gooise Meren', 'Noord-Holland', 59, ['Bussum', 1401, 1406, 52.274, 5.161]),

  // Zuid-Holland
  m('GM0599', 'Rotterdam', 'Zuid-Holland', 670, ['Rotterdam', 3011, 3089, 51.9225, 4.4792]),
  m('GM0518', "'s-Gravenhage", 'Zuid-Holland', 560, ["'s-Gravenhage", 2491, 2597, 52.07, 4.31, 2.5]),
  m('GM0546', 'Leiden', 'Zuid-Holland', 125, ['Leiden', 2311, 2334, 52.1601, 4.497]),
  m('GM0505', 'Dordrecht', 'Zuid-Holland', 120, ['Dordrecht', 3311, 3329, 51.8, 4.68, 1.5]),
  m('GM0637', 'Zoetermeer', 'Zuid-Holland', 125, ['Zoetermeer', 2711, 2729, 52.0575, 4.4931]),
  m('GM0503', 'Delft', 'Zuid-Holland', 105, ['Delft', 2611, 2629, 52.0116, 4.3571]),
  m('GM0513', 'Gouda', 'Zuid-Holland', 74, ['Gouda', 2801, 2809, 52.0115, 4.7105]),
  m('GM0606', 'Schiedam', 'Zuid-Holland', 80, ['Schiedam', 3111, 3125, 51.925, 4.395]),
  m('GM0622', 'Vlaardingen', 'Zuid-Holland', 75, ['Vlaardingen', 3131, 3138, 51.9125, 4.3417]),
  m('GM0484', 'Alphen aan den Rijn', 'Zuid-Holland', 115, ['Alphen aan den Rijn', 2401, 2409, 52.129, 4.6575]),
  m('GM1783', 'Westland', 'Zuid-Holland', 112, ['Naaldwijk', 2671, 2672, 51.994, 4.209]),
  m('GM1916', 'Leidschendam-Voorburg', 'Zuid-Holland', 77, ['Voorburg', 2271, 2275, 52.07, 4.36]),
  m('GM0603', 'Rijswijk (ZH.)', 'Zuid-Holland', 57, ['Rijswijk', 2281, 2289, 52.0363, 4.325]),
  m('GM0502', 'Capelle aan den IJssel', 'Zuid-Holland', 68, ['Capelle aan den IJssel', 2901, 2909, 51.935, 4.585]),
  m('GM1930', 'Nissewaard', 'Zuid-Holland', 86, ['Spijkenisse', 3201, 3209, 51.845, 4.315, 1.2]),
  m('GM0512', 'Gorinchem', 'Zuid-Holland', 38, ['Gorinchem', 4201, 4207, 51.836, 4.974, 0.8]),
  m('GM0537', 'Katwijk', 'Zuid-Holland', 67, ['Katwijk', 2221, 2225, 52.2, 4.425, 0.8]),
  m('GM1992', 'Voorne aan Zee', 'Zuid-Holland', 70, ['Hellevoetsluis', 3221, 3226, 51.821, 4.14, 1]),

  // Zeeland
  m('GM0687', 'Middelburg (Z.)', 'Zeeland', 49, ['Middelburg', 4331, 4338, 51.4988, 3.6136]),
  m('GM0718', 'Vlissingen', 'Zeeland', 45, ['Vlissingen', 4381, 4389, 51.452, 3.587, 1]),
  m('GM0664', 'Goes', 'Zeeland', 39, ['Goes', 4461, 4465, 51.5044, 3.8889]),
  m('GM0715', 'Terneuzen', 'Zeeland', 55, ['Terneuzen', 4531, 4537, 51.328, 3.83, 1]),
  m('GM0677', 'Hulst', 'Zeeland', 27, ['Hulst', 4561, 4562, 51.28, 4.05]),
  m('GM1676', 'Schouwen-Duiveland', 'Zeeland', 34, ['Zierikzee', 4301, 4302, 51.65, 3.919, 0.8]),
  m('GM1714', 'Sluis', 'Zeeland', 24, ['Oostburg', 4501, 4501, 51.326, 3.488]),
  m('GM0654', 'Borsele', 'Zeeland', 23, ['Heinkenszand', 4451, 4451, 51.474, 3.816]),
  m('GM0717', 'Veere', 'Zeeland', 22, ['Domburg', 4357, 4357, 51.562, 3.505, 0.5]),

  // Noord-Brabant
  m('GM0772', 'Eindhoven', 'Noord-Brabant', 240, ['Eindhoven', 5611, 5658, 51.4416, 5.4697]),
  m('GM0855', 'Tilburg', 'Noord-Brabant', 225, ['Tilburg', 5011, 5049, 51.5555, 5.0913]),
  m('GM0758', 'Breda', 'Noord-Brabant', 185, ['Breda', 4811, 4841, 51.5719, 4.7683]),
  m('GM0796', "'s-Hertogenbosch", 'Noord-Brabant', 160, ["'s-Hertogenbosch", 5211, 5237, 51.6978, 5.3037]),
  m('GM0794', 'Helmond', 'Noord-Brabant', 93, ['Helmond', 5701, 5709, 51.4793, 5.657]),
  m('GM0828', 'Oss', 'Noord-Brabant', 93, ['Oss', 5341, 5348, 51.765, 5.518]),
  m('GM1674', 'Roosendaal', 'Noord-Brabant', 78, ['Roosendaal', 4701, 4709, 51.5308, 4.4653]),
  m('GM0748', 'Bergen op Zoom', 'Noord-Brabant', 68, ['Bergen op Zoom', 4611, 4625, 51.495, 4.3, 1.2]),
  m('GM0826', 'Oosterhout', 'Noord-Brabant', 57, ['Oosterhout', 4901, 4909, 51.645, 4.86]),
  m('GM0867', 'Waalwijk', 'Noord-Brabant', 50, ['Waalwijk', 5141, 5146, 51.6826, 5.0706]),
  m('GM0861', 'Veldhoven', 'Noord-Brabant', 46, ['Veldhoven', 5501, 5509, 51.42, 5.405]),
  m('GM1991', 'Maashorst', 'Noord-Brabant', 60, ['Uden', 5401, 5406, 51.66, 5.619]),
  m('GM1948', 'Meierijstad', 'Noord-Brabant', 83, ['Veghel', 5461, 5467, 51.616, 5.549]),
  m('GM0777', 'Etten-Leur', 'Noord-Brabant', 44, ['Etten-Leur', 4871, 4879, 51.57, 4.637]),
  m('GM1982', 'Land van Cuijk', 'Noord-Brabant', 92, ['Cuijk', 5431, 5437, 51.73, 5.879], ['Boxmeer', 5831, 5835, 51.647, 5.947]),
  m('GM0820', 'Nuenen, Gerwen en Nederwetten', 'Noord-Brabant', 23, ['Nuenen', 5671, 5674, 51.472, 5.552]),

  // Limburg
  m('GM0935', 'Maastricht', 'Limburg', 120, ['Maastricht', 6211, 6229, 50.8514, 5.691]),
  m('GM0917', 'Heerlen', 'Limburg', 87, ['Heerlen', 6411, 6422, 50.8882, 5.9795]),
  m('GM0983', 'Venlo', 'Limburg', 102, ['Venlo', 5911, 5928, 51.3704, 6.1724, 1.5]),
  m('GM1883', 'Sittard-Geleen', 'Limburg', 92, ['Sittard', 6131, 6137, 51.0, 5.86, 1], ['Geleen', 6160, 6167, 50.974, 5.829]),
  m('GM0957', 'Roermond', 'Limburg', 59, ['Roermond', 6041, 6046, 51.1942, 5.987]),
  m('GM0928', 'Kerkrade', 'Limburg', 45, ['Kerkrade', 6461, 6469, 50.865, 6.055, 0.8]),
  m('GM0988', 'Weert', 'Limburg', 50, ['Weert', 6001, 6006, 51.2517, 5.7069]),
  m('GM0984', 'Venray', 'Limburg', 44, ['Venray', 5801, 5804, 51.526, 5.975]),
  m('GM0899', 'Brunssum', 'Limburg', 28, ['Brunssum', 6441, 6446, 50.947, 5.97]),
  m('GM0882', 'Landgraaf', 'Limburg', 37, ['Landgraaf', 6371, 6374, 50.9, 6.023]),
  m('GM1954', 'Beekdaelen', 'Limburg', 36, ['Nuth', 6361, 6362, 50.917, 5.886]),
  m('GM1507', 'Horst aan de Maas', 'Limburg', 43, ['Horst', 5961, 5962, 51.454, 6.051]),
];
