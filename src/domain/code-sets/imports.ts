/** Product codes of imports behind the provenance gate (C3): datasets, files, mappings, rows. */
import type { CodeInfo } from '../codes-types.js';

export const IMPORT_CODES = {
  IMPORT_FIELD_INVALID: {
    status: 400,
    nl: 'Dit gegeven in de importregel klopt niet (zie kolom en regel).',
    en: 'This item in the import row is invalid (see column and rule).',
    rule: 'R-43',
  },
  IMPORT_FILE_EMPTY: {
    status: 400,
    nl: 'Het bestand is leeg.',
    en: 'The file is empty.',
  },
  IMPORT_FILE_TOO_LARGE: {
    status: 413,
    nl: 'Het bestand is groter dan de grens voor imports (zie details). Splits het bestand.',
    en: 'The file exceeds the import size limit (see details). Split the file.',
  },
  IMPORT_FILE_UNSUPPORTED: {
    status: 415,
    nl: 'Dit soort bestand wordt niet ondersteund. Gebruik CSV (UTF-8 of Windows-1252, met ; of ,) of Excel (.xlsx).',
    en: 'This kind of file is not supported. Use CSV (UTF-8 or Windows-1252, with ; or ,) or Excel (.xlsx).',
  },
  CSV_MALFORMED: {
    status: 422,
    nl: 'Het CSV-bestand is beschadigd op de regel in details (bijvoorbeeld een aanhalingsteken dat niet wordt gesloten). Er is niets geïmporteerd.',
    en: 'The CSV file is malformed at the line in details (for example a quote that is never closed). Nothing was imported.',
  },
  CSV_ENCODING_INVALID: {
    status: 422,
    nl: 'De tekens in het bestand kloppen niet vanaf de regel in details: het bestand mengt tekensets (UTF-8 en Windows-1252). Sla het op als UTF-8. Er is niets geïmporteerd.',
    en: 'The characters in the file are invalid from the line in details: the file mixes encodings (UTF-8 and Windows-1252). Save it as UTF-8. Nothing was imported.',
  },
  CSV_ONE_COLUMN: {
    status: 422,
    nl: 'Het bestand heeft maar één kolom. Waarschijnlijk is het scheidingsteken geen ; of , (of staat alles tussen aanhalingstekens).',
    en: 'The file has only one column. The delimiter is probably not ; or , (or everything is quoted).',
  },
  IMPORT_HEADER_MISSING: {
    status: 422,
    nl: 'De eerste regel moet de kolomnamen bevatten (voornaam, achternaam, e-mail …), maar lijkt gegevens te bevatten of is leeg.',
    en: 'The first line must hold the column names (first name, last name, e-mail …), but it looks like data or is empty.',
  },
  IMPORT_HEADER_DUPLICATE: {
    status: 422,
    nl: 'Twee kolommen hebben dezelfde naam (zie details). Geef elke kolom een eigen naam.',
    en: 'Two columns have the same name (see details). Give every column its own name.',
  },
  IMPORT_HEADER_EMPTY: {
    status: 422,
    nl: 'Een kolom heeft geen naam (zie details). Geef elke kolom met gegevens een naam, of verwijder de lege kolom.',
    en: 'A column has no name (see details). Name every column that holds data, or remove the empty column.',
  },
  IMPORT_TOO_MANY_COLUMNS: {
    status: 422,
    nl: 'Het bestand heeft te veel kolommen (zie details).',
    en: 'The file has too many columns (see details).',
  },
  XLSX_UNREADABLE: {
    status: 422,
    nl: 'Het Excel-bestand kan niet worden gelezen (beschadigd, beveiligd met een wachtwoord, of geen .xlsx). Er is niets geïmporteerd.',
    en: 'The Excel file cannot be read (damaged, password-protected, or not .xlsx). Nothing was imported.',
  },
  IMPORT_MAPPING_INVALID: {
    status: 400,
    nl: 'De koppeling van kolommen aan velden klopt niet (zie details: kolom en regel).',
    en: 'The mapping of columns to fields is invalid (see details: column and rule).',
  },
  IMPORT_NOT_STARTABLE: {
    status: 409,
    nl: 'Deze import kan niet (meer) worden gestart of gewijzigd: hij loopt al, is klaar, afgebroken of geweigerd.',
    en: 'This import cannot be started or changed (any more): it is running, finished, cancelled or refused.',
  },
  IMPORT_FILE_GONE: {
    status: 409,
    nl: 'Het geüploade bestand van deze import is al verwijderd (na afloop wordt het direct gewist). Upload het opnieuw.',
    en: 'The uploaded file of this import has been deleted already (it is erased right after the import). Upload it again.',
  },
  IMPORT_FILE_CHANGED: {
    status: 409,
    nl: 'Het opgeslagen bestand komt niet meer overeen met de upload (controlegetal). De import is gestopt.',
    en: 'The stored file no longer matches the upload (checksum). The import was stopped.',
  },
} as const satisfies Record<string, CodeInfo>;
