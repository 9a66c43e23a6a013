import { z } from 'zod';

// zod's messages reach operators (bad env, bad campaign files): say them in Vietnamese, once, for all schemas.
z.config(z.locales.vi());
