// Query keys of the sign-in page.
export const authKeys = {
  demoAccounts: ['demo-accounts'] as const,
};
