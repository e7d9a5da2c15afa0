/** The shapes of the dossier document (a leaf: the section builders and the renderer share them). */

/** A piece of the body. Table widths are fractions of the text width. */
export type Block =
  | Readonly<{ kind: 'heading'; text: string }>
  | Readonly<{ kind: 'subheading'; text: string }>
  | Readonly<{ kind: 'para'; text: string; italic?: boolean; bold?: boolean }>
  | Readonly<{ kind: 'bullet'; text: string }>
  | Readonly<{
      kind: 'table';
      head: readonly string[];
      rows: readonly (readonly string[])[];
      widths: readonly number[];
    }>
  | Readonly<{ kind: 'diagram'; svg: string; caption: string }>;

/** The whole dossier document. */
export type DossierDocument = Readonly<{
  agency: string;
  place: string;
  date: string;
  title: string;
  subtitle: string;
  draftNote: string;
  body: readonly Block[];
  appendixTitle: string;
  appendix: readonly Block[];
}>;
