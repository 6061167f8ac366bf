// espree ships no types; the specs only hand it to ESLint as a parser.
declare module 'espree';
