/** The material one study topic offers the generator; styles decide how it is written down. */

export interface Item {
  title: string;
  details: string[];
}

export interface Problem {
  title: string;
  current: string;
  impact: string;
  cause: string;
  solution: string;
  code?: Snippet;
}

export interface Snippet {
  lang: string;
  body: string;
}

export interface Topic {
  name: string;
  /** Lower-case frontmatter tags. */
  tags: string[];
  goals: string[];
  /** Titles of work sections under 実施内容. */
  sections: string[];
  done: Item[];
  notDone: Item[];
  problems: Problem[];
  /** `term: description` pairs, grouped under a learning heading. */
  learnings: [string, string][];
  nextSteps: Item[];
  references: { title: string; url: string }[];
  snippets: Snippet[];
  /** Free sentences for the prose some writers put between lists. */
  notes: string[];
}
