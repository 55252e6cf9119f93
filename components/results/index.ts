export { PersonalizationResults } from "./personalization-results";
