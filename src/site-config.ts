/**
 * The Offensive Mittelstand's own details, in one place: who operates the archive,
 * the address and contact for the Impressum, who answers for the content, the
 * licence of the open data, and what the privacy and accessibility statements name.
 *
 * Used by the editorial pages (`content/pages/*.mdx` through `<Fact>`), `/daten/`,
 * `archive.json`, the RSS feeds (`<copyright>`) and OParl (`license` of System and Body).
 *
 * Every value the OM has not decided yet is `null`. The site then shows a visible
 * placeholder that says what is missing ("[noch festzulegen: Lizenz der Daten]",
 * `placeholderText`), and the machine-readable outputs leave the field out; nothing
 * is ever guessed. To fill a value in, replace its `null` here; `siteConfigSchema`
 * checks the shape when the site builds (a malformed value fails the build, naming the field).
 *
 * A contact e-mail address or phone number set here is published on purpose: the privacy
 * gate (`test/e2e/dist.test.ts`), which rejects every other e-mail address and phone number
 * in `dist/`, allows exactly these (`publishedContacts`). Protocol text stays masked.
 */
import { z } from 'zod';

/** A text the OM still has to decide; `null` until then. */
const pending = z.string().trim().min(1).nullable();

/** A licence: its name as readers know it and the URL of its text (OParl wants the URL). */
const licence = z.object({
  /** Short name, `"CC BY 4.0"`, `"Datenlizenz Deutschland – Namensnennung – 2.0"`. */
  name: z.string().min(1),
  /** URL of the licence text, `"https://creativecommons.org/licenses/by/4.0/"`. */
  url: z.url(),
});

/** The shape of the configuration, field by field. */
export const siteConfigSchema = z.object({
  /** The site's name, in `<title>`, feeds and OParl. */
  siteName: z.string().min(1),
  /**
   * The public base URL the archive is published at, the root of its host
   * (`"https://protokolle.offensive-mittelstand.de"`): every permanent link, canonical URL, the
   * sitemap, feeds, calendars and OParl are built on it. `null` until decided; the `SITE`
   * environment variable, when set, overrides it (`siteUrl`). `npm run check:publish` fails while
   * neither is set.
   */
  publicUrl: z.url({ protocol: /^https?$/ }).nullable().default(null),
  /** Who publishes the archive (Impressum, § 5 DDG; controller in the privacy statement, Art. 4 Nr. 7 DSGVO). */
  operator: z.object({
    /** Legal name of the operator (the body or association behind the OM), `"Offensive Mittelstand e. V."`. */
    name: pending,
    /** Who may represent it, `"Vorstand: Vorname Name"`. */
    representedBy: pending,
    /** Postal address, one line per entry (`["Straße 1", "12345 Ort"]`); `null` until decided. */
    address: z.array(z.string().min(1)).min(1).nullable(),
    /** Register entry if there is one (`"Vereinsregister Amtsgericht X, VR 123"`). */
    register: pending,
  }),
  /** How readers reach the operator (Impressum: "schnelle elektronische Kontaktaufnahme"). */
  contact: z.object({
    /** E-mail address or the URL of a contact form. */
    email: pending,
    /** Phone number, if the OM publishes one. */
    phone: pending,
  }),
  /** Responsible for the content (§ 18 Abs. 2 MStV): name and address. */
  editorialResponsible: pending,
  /** Licence of the open data (`/daten/`, `archive.json`, OParl `license`); `null` until the OM decides. */
  dataLicence: licence.nullable(),
  /** For the privacy statement (`/datenschutz/`). */
  privacy: z.object({
    /** Who hosts the built site and what its server logs keep, for how long. */
    hosting: pending,
    /** Data protection officer, if the operator has one (Art. 37 DSGVO). */
    dataProtectionOfficer: pending,
    /** The supervisory authority responsible for the operator (Art. 77 DSGVO), by its seat. */
    supervisoryAuthority: pending,
    /** On what legal basis the protocols name participants and speakers (Art. 6 DSGVO), as the OM states it. */
    namesInProtocols: pending,
  }),
  /** For the accessibility statement (`/barrierefreiheit/`, BITV 2.0 § 7). */
  accessibility: z.object({
    /** Where readers report barriers (e-mail address or contact form URL). */
    feedbackContact: pending,
    /** When the statement was made or last reviewed, ISO date (`"2026-12-01"`). */
    statementDate: z.iso.date().nullable(),
  }),
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;

/**
 * The OM's details. `null` = not decided yet (shown as a placeholder). Edit here.
 * Validated once at import; a wrong value fails the build with the field's path.
 */
export const siteConfig: SiteConfig = parseSiteConfig({
  siteName: 'Protokollarchiv der Offensive Mittelstand',
  publicUrl: null,
  operator: { name: null, representedBy: null, address: null, register: null },
  contact: { email: null, phone: null },
  editorialResponsible: null,
  dataLicence: null,
  privacy: { hosting: null, dataProtectionOfficer: null, supervisoryAuthority: null, namesInProtocols: null },
  accessibility: { feedbackContact: null, statementDate: null },
});

/**
 * Checks a configuration against `siteConfigSchema`.
 * @throws `src/site-config.ts: dataLicence.url: Invalid URL. Fix: …` for a malformed value
 */
export function parseSiteConfig(input: unknown): SiteConfig {
  const result = siteConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new Error(`src/site-config.ts: ${problems.join('; ')}. Fix: correct the value, or set it to null while it is not decided.`);
}

/**
 * The public base URL a build uses: the `SITE` environment variable if set (CI sets it per
 * host, `SITE=https://… npm run build`), else `publicUrl` of the configuration; `undefined` when
 * neither is (a local build, which `astro.config.mjs` then gives `http://localhost:4321`).
 * An empty `SITE` counts as unset (a CI variable that was never filled in).
 * @throws `SITE: "protokolle" is not a URL. Fix: …` for a value that is no http(s) URL
 * @example siteUrl({ SITE: 'https://protokolle.example.org' }) // => 'https://protokolle.example.org'
 * @example siteUrl({}, { ...siteConfig, publicUrl: null }) // => undefined
 */
export function siteUrl(env: Record<string, string | undefined> = process.env, config: SiteConfig = siteConfig): string | undefined {
  const fromEnv = env.SITE?.trim();
  if (!fromEnv) return config.publicUrl ?? undefined;
  if (!URL.canParse(fromEnv) || !/^https?:$/.test(new URL(fromEnv).protocol)) {
    throw new Error(`SITE: "${fromEnv}" is not a URL. Fix: set SITE to the archive's public address, e.g. SITE=https://protokolle.example.org, or leave it empty to use publicUrl in src/site-config.ts.`);
  }
  return fromEnv;
}

/** The facts the editorial pages can show (`<Fact name="…" />`), each with what a placeholder says is missing. */
export const factLabels = {
  'operator.name': 'Name des Betreibers',
  'operator.representedBy': 'Vertretungsberechtigte Person',
  'operator.address': 'Anschrift des Betreibers',
  'operator.register': 'Registereintrag (falls vorhanden)',
  'contact.email': 'E-Mail-Adresse oder Kontaktformular',
  'contact.phone': 'Telefonnummer (falls veröffentlicht)',
  editorialResponsible: 'Verantwortliche Person nach § 18 Abs. 2 MStV',
  dataLicence: 'Lizenz der Daten',
  'privacy.hosting': 'Hoster und Speicherdauer der Server-Protokolle',
  'privacy.dataProtectionOfficer': 'Datenschutzbeauftragte Person (falls bestellt)',
  'privacy.supervisoryAuthority': 'Zuständige Datenschutz-Aufsichtsbehörde',
  'privacy.namesInProtocols': 'Rechtsgrundlage für die Nennung von Teilnehmenden in den Protokollen',
  'accessibility.feedbackContact': 'Kontakt für Rückmeldungen zur Barrierefreiheit',
  'accessibility.statementDate': 'Datum der Erklärung',
} as const;

export type FactName = keyof typeof factLabels;

/** One fact as a page shows it: its lines and an optional link, or what is missing. */
export type Fact = { name: FactName; lines: string[]; href?: string } | { name: FactName; missing: string };

/**
 * The text a placeholder shows for a missing value.
 * @example placeholderText('Lizenz der Daten') // => '[noch festzulegen: Lizenz der Daten]'
 */
export function placeholderText(missing: string): string {
  return `[noch festzulegen: ${missing}]`;
}

/**
 * A fact of the configuration, ready to show: its lines (an address has several) and,
 * for the licence, the link to its text; or, while it is `null`, what is missing.
 * @example siteFact('dataLicence') // => { name: 'dataLicence', missing: 'Lizenz der Daten' }
 * @example siteFact('dataLicence', { ...siteConfig, dataLicence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } })
 *   // => { name: 'dataLicence', lines: ['CC BY 4.0'], href: 'https://creativecommons.org/licenses/by/4.0/' }
 */
export function siteFact(name: FactName, config: SiteConfig = siteConfig): Fact {
  if (name === 'dataLicence') {
    return config.dataLicence ? { name, lines: [config.dataLicence.name], href: config.dataLicence.url } : { name, missing: factLabels[name] };
  }
  const value = name.split('.').reduce<unknown>((object, key) => (object as Record<string, unknown> | null)?.[key], config);
  if (value == null) return { name, missing: factLabels[name] };
  return { name, lines: Array.isArray(value) ? value.map(String) : [String(value)] };
}

/**
 * The licence line for machine-readable outputs (feeds, `archive.json`): `undefined` while undecided.
 * @example licenceNotice({ ...siteConfig, dataLicence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } })
 *   // => 'Daten: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)'
 */
export function licenceNotice(config: SiteConfig = siteConfig): string | undefined {
  return config.dataLicence ? `Daten: ${config.dataLicence.name} (${config.dataLicence.url})` : undefined;
}

/**
 * The OM's own contact data the site publishes on purpose (Impressum, accessibility
 * feedback): the e-mail addresses and phone numbers of `contact` and
 * `accessibility.feedbackContact`; contact-form URLs are no contact data and left out.
 * @example publishedContacts({ ...siteConfig, contact: { email: 'info@example.org', phone: null } }) // => ['info@example.org']
 */
export function publishedContacts(config: SiteConfig = siteConfig): string[] {
  const values = [config.contact.email, config.contact.phone, config.accessibility.feedbackContact];
  return [...new Set(values.filter((value): value is string => value !== null && !/^https?:\/\//.test(value)))];
}
