/** Examples of the file table: the CSVs and metadata of a small register. */
export const examples = [
  {
    name: 'national-files',
    props: {
      files: [
        { name: 'holders.csv', about: 'openData.file.holders', bytes: 48_213 },
        { name: 'locations.csv', about: 'openData.file.locations', bytes: 1_254_900 },
        { name: 'datapackage.json', about: 'openData.file.datapackage', bytes: 17_402 },
        { name: 'SHA256SUMS.txt', about: 'openData.file.sums', bytes: 912 },
      ],
    },
  },
] as const;
