/** The payer rule is shared with the `loket daftar` command (src/shared/payer-rule.ts): the counter and the CLI propose the same payer. */
export { derivePayer } from '../../../../shared/payer-rule';
