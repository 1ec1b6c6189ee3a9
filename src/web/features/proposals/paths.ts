/** The public proposal form's address, apart from the API helpers so the home page's link loads no schema. */
export const publicProposalPath = (slug: string) => `/innsyn/n/${slug}/forslag`;
