/** Issue 4, area "payments". Owned by the payments work; statements run in order, once. */
export const statements: string[] = [];
