package it.percorsi.placement.employer;

/**
 * Legal form of a host organisation: companies, sole traders, and the non-profit bodies
 * (associations, social cooperatives, foundations, third-sector bodies) that host internships too.
 */
public enum LegalForm {
  SOLE_TRADER,
  SNC,
  SAS,
  SRL,
  SRLS,
  SPA,
  SAPA,
  COOPERATIVE,
  SOCIAL_COOPERATIVE,
  SOCIAL_ENTERPRISE,
  ASSOCIATION,
  FOUNDATION,
  THIRD_SECTOR_BODY,
  PUBLIC_BODY,
  PROFESSIONAL_PRACTICE,
  OTHER
}
