// asl-validator ships no type declarations: the one call the tests make.
declare module 'asl-validator' {
  interface AslValidationError {
    'Error code': string;
    Message: string;
    path?: string;
  }
  function aslValidator(definition: unknown, options?: { checkPaths?: boolean; checkArn?: boolean }): { isValid: boolean; errors: AslValidationError[]; errorsText(separator?: string): string };
  export default aslValidator;
}
