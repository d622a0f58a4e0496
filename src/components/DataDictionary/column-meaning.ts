import { DICTIONARIES, type UIKey } from '../../i18n/index.ts';

/**
 * Dictionary key of what a column means: `openData.column.{file}.{column}` where one name
 * means something else in that file (a location's `name`), else `openData.column.{column}`,
 * so a column shared by several files is translated once.
 */
export function columnMeaningKey(file: string, column: string): UIKey {
  const specific = `openData.column.${file.replace(/\.csv$/, '')}.${column}`;
  return (specific in DICTIONARIES.nl ? specific : `openData.column.${column}`) as UIKey;
}
