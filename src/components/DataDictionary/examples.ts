/**
 * Examples of the data dictionary, derived from the real contract (as on the open-data
 * page): the holders file with its key, and the routes file with a combined key and a reference.
 */
import { EXPORT_FILES } from '../../register/index.ts';
import { columnRules } from '../../register/table-schema.ts';

export const examples = [
  { name: 'holders', props: { file: 'holders.csv', rules: columnRules(EXPORT_FILES.holders), primaryKey: ['holder_id'] } },
  {
    name: 'routes',
    props: {
      file: 'routes.csv',
      rules: columnRules(EXPORT_FILES.routes),
      primaryKey: ['location_id', 'route'],
      references: [{ columns: ['location_id'], file: 'locations.csv' }],
    },
  },
];
