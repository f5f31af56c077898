import { checkDuplicateIds } from "./check-duplicate-ids.js";
import { checkAttachments, checkLinks } from "./check-files-and-links.js";
import { checkFutureDates, checkStatementBudget } from "./check-dates-and-budget.js";
import {
  checkDuplicateAssessments,
  checkElementReferences,
  checkEvidenceReferences,
  checkPeople,
  checkRatings,
  checkSections,
} from "./check-references.js";
import { checkPlaceholders } from "./check-placeholders.js";
import { checkActionEvidence, checkCustomers, checkDocumentPeople } from "./check-customers-and-actions.js";
import { checkLangMarkers } from "./check-lang-markers.js";
import { checkServiceReferences, checkServiceResults } from "./check-service-standards.js";
import { checkVisitScope } from "./check-visit-scope.js";
import type { Check } from "./context.js";

/** Every cross-reference and content check, in the order they run. Adding one is a line here. */
export const CHECKS: readonly Check[] = [
  checkDuplicateIds,
  checkDuplicateAssessments,
  checkElementReferences,
  checkEvidenceReferences,
  checkSections,
  checkPeople,
  checkRatings,
  checkCustomers,
  checkActionEvidence,
  checkDocumentPeople,
  checkLangMarkers,
  checkAttachments,
  checkLinks,
  checkFutureDates,
  checkStatementBudget,
  checkPlaceholders,
  checkServiceResults,
  checkServiceReferences,
  checkVisitScope,
];

export { runChecks } from "./context.js";
