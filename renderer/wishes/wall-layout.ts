/** Notes per wall page: two rows of four, large enough to read at arm's length. */
export const WALL_PAGE_SIZE = 8;
