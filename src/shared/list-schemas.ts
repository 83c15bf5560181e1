import { z } from 'zod';
import { LIST_KINDS } from './lists';

// Apart from lists.ts, which the import's worker threads load without zod (~75 ms each).
export const listKindSchema = z.enum(LIST_KINDS);
