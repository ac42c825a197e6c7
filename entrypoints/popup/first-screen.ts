import { readFirstScreen } from '@/lib/popup/first-screen';

/**
 * Started when this module is evaluated, the first of the popup's: the tab, the database and
 * session storage are read while React itself is still being evaluated.
 */
export const firstScreen = readFirstScreen(location.search);
