/** What a member may do; scope is the member's unit and everything under it. */
export type Role = 'reporter' | 'coordinator' | 'leader';
