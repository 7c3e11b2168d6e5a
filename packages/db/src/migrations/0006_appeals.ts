/** Issue 4, area "appeals". Owned by the appeals work; statements run in order, once. */
export const statements: string[] = [];
