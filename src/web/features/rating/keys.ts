// Query keys of the rating page (a declaration's link).
export const ratingKeys = {
  page: (token: string) => ['rate', token] as const,
};
