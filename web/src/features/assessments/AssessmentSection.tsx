/** Placeholder: replaced by its owner in issue 4. */
export function AssessmentSection() {
  return null;
}
