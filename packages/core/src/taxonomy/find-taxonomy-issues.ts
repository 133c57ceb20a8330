import type { ValidationIssue } from '../errors/validation-error.js';
import type { Language } from '../schemas/language.js';
import type { CategoryAttribute, LocalizedText, TaxonomyDefinition } from '../schemas/taxonomy.js';

const listDatatypes: ReadonlySet<string> = new Set(['singlevaluelist', 'multivaluelist']);

/**
 * Finds what a schema cannot see in a taxonomy definition that already matches
 * `taxonomyDefinitionSchema`: duplicate codes, names missing a language, references to unknown
 * departments, groups or SLA policies, a default language not in `languages`, and malformed
 * attributes. Each issue's path names the offending field (`categories.3.code`).
 *
 * @internal
 */
export function findTaxonomyIssues(definition: TaxonomyDefinition): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const report = (path: string, code: string, message: string): void => {
    issues.push({ path, code, message });
  };
  const requireLanguages = (text: LocalizedText, path: string): void => {
    for (const language of definition.languages) {
      if (text[language] === undefined) {
        report(
          `${path}.${language}`,
          'missing_translation',
          `is missing the language "${language}"`,
        );
      }
    }
  };
  const uniqueCodes = (items: readonly { code: string }[], path: string): Set<string> => {
    const firstIndex = new Map<string, number>();
    items.forEach((item, index) => {
      const first = firstIndex.get(item.code);
      if (first === undefined) firstIndex.set(item.code, index);
      else {
        report(
          `${path}.${index}.code`,
          'duplicate_code',
          `repeats the code "${item.code}" of ${path}.${first}`,
        );
      }
    });
    return new Set(firstIndex.keys());
  };

  const seenLanguages = new Set<Language>();
  definition.languages.forEach((language, index) => {
    if (seenLanguages.has(language)) {
      report(`languages.${index}`, 'duplicate_language', `repeats the language "${language}"`);
    }
    seenLanguages.add(language);
  });
  if (!seenLanguages.has(definition.defaultLanguage)) {
    report(
      'defaultLanguage',
      'unknown_language',
      `"${definition.defaultLanguage}" is not one of the taxonomy's languages`,
    );
  }

  const departmentCodes = uniqueCodes(definition.departments, 'departments');
  definition.departments.forEach((department, index) => {
    requireLanguages(department.name, `departments.${index}.name`);
  });
  const policyCodes = uniqueCodes(definition.slaPolicies, 'slaPolicies');
  const groupCodes = uniqueCodes(definition.groups, 'groups');
  definition.groups.forEach((group, index) => {
    requireLanguages(group.name, `groups.${index}.name`);
  });

  uniqueCodes(definition.categories, 'categories');
  definition.categories.forEach((category, index) => {
    const path = `categories.${index}`;
    requireLanguages(category.name, `${path}.name`);
    if (category.description !== undefined) {
      requireLanguages(category.description, `${path}.description`);
    }
    const references = [
      ['groupCode', category.groupCode, groupCodes, 'group'],
      ['departmentCode', category.departmentCode, departmentCodes, 'department'],
      ['slaPolicyCode', category.slaPolicyCode, policyCodes, 'SLA policy'],
    ] as const;
    for (const [field, code, known, what] of references) {
      if (!known.has(code))
        report(`${path}.${field}`, 'unknown_reference', `names no ${what} "${code}"`);
    }
    const attributes = category.attributes ?? [];
    uniqueCodes(attributes, `${path}.attributes`);
    attributes.forEach((attribute, attributeIndex) => {
      checkAttribute(attribute, `${path}.attributes.${attributeIndex}`, requireLanguages, report);
    });
  });
  return issues;
}

function checkAttribute(
  attribute: CategoryAttribute,
  path: string,
  requireLanguages: (text: LocalizedText, path: string) => void,
  report: (path: string, code: string, message: string) => void,
): void {
  requireLanguages(attribute.description, `${path}.description`);
  const isList = listDatatypes.has(attribute.datatype);
  const values = attribute.values ?? [];
  if (isList && values.length === 0) {
    report(`${path}.values`, 'missing_values', `a ${attribute.datatype} attribute needs values`);
  }
  if (!isList && attribute.values !== undefined) {
    report(
      `${path}.values`,
      'unexpected_values',
      `a ${attribute.datatype} attribute takes no values`,
    );
  }
  const keys = new Set<string>();
  values.forEach((value, index) => {
    if (keys.has(value.key)) {
      report(`${path}.values.${index}.key`, 'duplicate_value', `repeats the value "${value.key}"`);
    }
    keys.add(value.key);
    requireLanguages(value.name, `${path}.values.${index}.name`);
  });
}
