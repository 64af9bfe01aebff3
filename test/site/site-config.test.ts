/**
 * The OM's details (`src/site-config.ts`): undecided values show as placeholders that
 * say what is missing, never as guesses; a malformed value fails naming its field; the
 * licence reaches OParl and archive.json only once decided.
 */
import { describe, expect, it } from 'vitest';
import { archiveJson } from '../../src/lib/publish/dataset';
import { licenseField } from '../../src/lib/publish/oparl';
import { factLabels, parseSiteConfig, placeholderText, publishedContacts, siteConfig, siteFact, type FactName } from '../../src/site-config';
import { archive, site } from './open-data-fixture';

const ccBy = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' };

describe('siteFact', () => {
  it('says what is missing for every fact the OM has not decided', () => {
    const undecided = parseSiteConfig({
      siteName: 'Archiv',
      operator: { name: null, representedBy: null, address: null, register: null },
      contact: { email: null, phone: null },
      editorialResponsible: null,
      dataLicence: null,
      privacy: { hosting: null, dataProtectionOfficer: null, supervisoryAuthority: null, namesInProtocols: null },
      accessibility: { feedbackContact: null, statementDate: null },
    });
    for (const name of Object.keys(factLabels) as FactName[]) {
      expect(siteFact(name, undecided), name).toEqual({ name, missing: factLabels[name] });
    }
    expect(placeholderText(factLabels.dataLicence)).toBe('[noch festzulegen: Lizenz der Daten]');
  });

  it('shows a decided value: an address line by line, the licence with the link to its text', () => {
    const config = parseSiteConfig({
      ...siteConfig,
      operator: { ...siteConfig.operator, address: ['Musterstraße 1', '53113 Bonn'] },
      dataLicence: ccBy,
    });
    expect(siteFact('operator.address', config)).toEqual({ name: 'operator.address', lines: ['Musterstraße 1', '53113 Bonn'] });
    expect(siteFact('dataLicence', config)).toEqual({ name: 'dataLicence', lines: ['CC BY 4.0'], href: ccBy.url });
    expect(siteFact('operator.name', config)).toEqual({ name: 'operator.name', missing: 'Name des Betreibers' });
  });
});

describe('publishedContacts', () => {
  it('lists the e-mail addresses and phone numbers the OM publishes, not contact-form URLs, none while undecided', () => {
    expect(publishedContacts({ ...siteConfig, contact: { email: null, phone: null } })).toEqual([]);
    const config = {
      ...siteConfig,
      contact: { email: 'info@example.org', phone: '0228 123456' },
      accessibility: { feedbackContact: 'https://example.org/kontakt/', statementDate: null },
    };
    expect(publishedContacts(config)).toEqual(['info@example.org', '0228 123456']);
  });
});

describe('parseSiteConfig', () => {
  it('names the field and the fix for a malformed value', () => {
    expect(() => parseSiteConfig({ ...siteConfig, dataLicence: { name: 'CC BY', url: 'keine-url' } })).toThrowErrorMatchingInlineSnapshot(
      `[Error: src/site-config.ts: dataLicence.url: Invalid URL. Fix: correct the value, or set it to null while it is not decided.]`,
    );
    expect(() => parseSiteConfig({ ...siteConfig, operator: { ...siteConfig.operator, name: '' } })).toThrow('operator.name');
  });
});

describe('the licence in machine-readable outputs', () => {
  it('is OParl license (a URL) once decided, absent before', () => {
    expect(licenseField({ ...siteConfig, dataLicence: null })).toEqual({});
    expect(licenseField({ ...siteConfig, dataLicence: ccBy })).toEqual({ license: ccBy.url });
  });

  it('is null in archive.json while undecided, so readers see it is open', () => {
    const undecided = archiveJson(archive, site, '2026-12-01T00:00:00Z', { ...siteConfig, dataLicence: null });
    expect(undecided).toMatchObject({ publisher: null, licence: null });
    const decided = archiveJson(archive, site, '2026-12-01T00:00:00Z', { ...siteConfig, dataLicence: ccBy });
    expect(decided.licence).toEqual(ccBy);
  });
});
