import { missingPrerequisites } from './harness/env';

export default function setup(): void {
  const problems = missingPrerequisites();
  if (problems.length > 0) {
    throw new Error(`End-to-end tests cannot run:\n  - ${problems.join('\n  - ')}`);
  }
}
