// Every string table, for the tests that check them all (no key twice, both
// languages, the same placeholders). Importing it registers the studio's and
// the lesson-file problems' too.
import { BASE_TABLES, addStrings, type StringKey } from '../app/i18n';
import { LESSON_PROBLEM_STRINGS } from './lesson-problems';
import { STUDIO_TABLES } from './studio';

addStrings(LESSON_PROBLEM_STRINGS);

export const STRING_TABLES = [...BASE_TABLES, ...STUDIO_TABLES, LESSON_PROBLEM_STRINGS] as const;
export const STRING_KEYS = STRING_TABLES.flatMap((table) => Object.keys(table)) as StringKey[];
