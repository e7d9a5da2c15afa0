/**
 * The province pack (format `xaso.province-pack`, version 1): one data file per province,
 * published and signed (Ed25519) by the provincial IT centre. It names the province's portals,
 * the CAs and token models it issues, its apps and contacts, and optionally roots to trust.
 * Plain zod, no Node imports: the renderer imports the inferred types.
 *
 * A field no source confirms stays empty and is listed in `unconfirmed` with why, so the app
 * can say "not known yet" instead of guessing.
 */
import { z } from 'zod';

import { integritySchema } from '../reports/signed-json.js';

export const PACK_FORMAT = 'xaso.province-pack';
export const PACK_VERSION = 1;

const text = z
  .object({ vi: z.string().trim().min(1).max(500), en: z.string().trim().min(1).max(500) })
  .strict();
const url = z
  .string()
  .max(500)
  .regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, 'http(s) URL');
const source = z.string().trim().min(1).max(500);

/** One address of a provincial system, with where it was confirmed. */
const systemSchema = z.object({ url, name: text, source }).strict();

/** The provincial systems an intern meets; each may be missing (then listed as unconfirmed). */
export const portalsSchema = z
  .object({
    /** Provincial public-service portal (Cổng dịch vụ công của tỉnh). */
    publicService: systemSchema.optional(),
    /** One-stop / administrative-procedure system (Hệ thống thông tin giải quyết TTHC, một cửa). */
    oneStop: systemSchema.optional(),
    /** Document management (Hệ thống quản lý văn bản và điều hành). */
    documentManagement: systemSchema.optional(),
    /** Official e-mail (Thư điện tử công vụ). */
    officialEmail: systemSchema.optional(),
    /** The province's information portal. */
    provincialPortal: systemSchema.optional(),
  })
  .strict();

/** A CA whose certificates/tokens the province issues, and to whom. */
export const caSchema = z
  .object({
    /** Provider id as `diagnostics/signature/providers.ts` names it (`vgca`, `vnpt`, …). */
    provider: z.string().regex(/^[a-z0-9-]{2,30}$/),
    name: z.string().trim().min(1).max(100),
    tokenModels: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
    issuedTo: z.enum(['officials', 'citizens', 'both']),
    source,
  })
  .strict();

/** A provincial app (citizens' or officials'). */
export const appSchema = z
  .object({ name: z.string().trim().min(1).max(100), purpose: text, url: url.optional(), source })
  .strict();

/** Who to call: fixed roles so the app can pick "the Ban Cơ yếu focal point" by name. */
export const CONTACT_ROLES = [
  'dost',
  'ban-co-yeu',
  'police-cyber',
  'it-centre',
  'hotline',
  'other',
] as const;

export const contactSchema = z
  .object({
    role: z.enum(CONTACT_ROLES),
    name: text,
    phone: z
      .string()
      .regex(/^[0-9 .()+-]{3,30}$/)
      .optional(),
    email: z.string().email().max(200).optional(),
    url: url.optional(),
    source,
  })
  .strict();

/** A root certificate to trust (same shape as `diagnostics/data/vn-roots.json`, SHA-256 required). */
export const packRootSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{2,60}$/),
    name: z.string().trim().min(1).max(200),
    kind: z.enum(['public', 'official-duty']),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    subjectMatch: z.array(z.string().min(1).max(200)).max(10),
    source,
  })
  .strict();

/** A field left empty on purpose, and why. */
const unconfirmedSchema = z.object({ field: z.string().min(1).max(100), note: text }).strict();

/** The content of a pack (what the publisher signs). */
export const provincePackSchema = z
  .object({
    province: z
      .object({
        /** Lower-case ASCII id, e.g. `quang-ninh`. */
        code: z.string().regex(/^[a-z0-9-]{2,40}$/),
        name: text,
      })
      .strict(),
    publisher: z.object({ name: z.string().trim().min(1).max(200) }).strict(),
    /** ISO date on which the facts were last checked against the sources. */
    checkedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    portals: portalsSchema,
    cas: z.array(caSchema).max(20),
    apps: z.array(appSchema).max(30),
    contacts: z.array(contactSchema).max(30),
    roots: z.array(packRootSchema).max(20).optional(),
    unconfirmed: z.array(unconfirmedSchema).max(50).default([]),
  })
  .strict();

/** The signed file. */
export const packEnvelopeSchema = z
  .object({
    format: z.literal(PACK_FORMAT),
    version: z.literal(PACK_VERSION),
    publishedAt: z.string().max(40),
    pack: z.unknown(),
    integrity: integritySchema,
  })
  .strict();

export type ProvincePack = z.output<typeof provincePackSchema>;
export type PackEnvelope = z.output<typeof packEnvelopeSchema>;
export type PackCa = z.output<typeof caSchema>;
export type PackContact = z.output<typeof contactSchema>;
