// Every string table, for the tests that check them all (no key twice, both
// languages, the same placeholders). Importing it registers the studio's too.
import { BASE_TABLES, type StringKey } from '../app/i18n';
import { STUDIO_TABLES } from './studio';

export const STRING_TABLES = [...BASE_TABLES, ...STUDIO_TABLES] as const;
export const STRING_KEYS = STRING_TABLES.flatMap((table) => Object.keys(table)) as StringKey[];
