/**
 * The facts an office fills in before going live (README, "Veröffentlichen"), which the project
 * leaves `null` in src/site-config.ts: one set for the publish tests, as plain data so a test
 * can write it into a project copy's config file or parse it with the real schema.
 */
export const decidedSiteFacts = {
  siteName: 'Protokollarchiv der Offensive Mittelstand',
  publicUrl: null as string | null,
  operator: { name: 'Offensive Mittelstand e. V.', representedBy: 'Vorstand: Erika Muster', address: ['Musterstraße 1', '53113 Bonn'], register: 'Kein Registereintrag' },
  contact: { email: 'redaktion@example.org', phone: 'Keine Telefonnummer' },
  editorialResponsible: 'Erika Muster, Musterstraße 1, 53113 Bonn',
  dataLicence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  privacy: { hosting: 'Statischer Hoster; Server-Protokolle 30 Tage', dataProtectionOfficer: 'Keine', supervisoryAuthority: 'LDI NRW', namesInProtocols: 'Art. 6 Abs. 1 lit. f DSGVO' },
  accessibility: { feedbackContact: 'https://example.org/kontakt/', statementDate: '2026-12-01' },
};
