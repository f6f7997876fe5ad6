/**
 * How the evaluation questions are phrased: several templates per kind of
 * question, so a retrieval that only knows one phrasing shows it. Slots:
 * {country} a name with its article ("the USSR", "Iran"), {country's} its
 * possessive, {adjective} ("Soviet"), {topic}, {year}, {decade} ("1980s").
 */

export type QuestionCategory = 'country-topic-year' | 'adjective-topic-year' | 'country-topic' | 'country-topic-decade' | 'topic-year';

export const CATEGORIES: readonly QuestionCategory[] = ['country-topic-year', 'adjective-topic-year', 'country-topic', 'country-topic-decade', 'topic-year'];

export interface Template {
  id: string;
  category: QuestionCategory;
  pattern: string;
}

const PATTERNS: Record<QuestionCategory, readonly string[]> = {
  'country-topic-year': [
    'What did {country} say about {topic} in {year}?',
    'How did {country} address {topic} in its {year} speech?',
    '{country} on {topic}, {year}',
    "In {year}, what was {country's} view of {topic}?",
    "What was {country's} position on {topic} at the {year} General Debate?",
    '{topic}: what did {country} tell the General Assembly in {year}?',
    'Did {country} mention {topic} in {year}?',
    'What did the delegation of {country} say about {topic} in {year}?',
  ],
  'adjective-topic-year': [
    'What did the {adjective} delegation say about {topic} in {year}?',
    'What was the {adjective} position on {topic} in {year}?',
    'How did the {adjective} government see {topic} in {year}?',
    'The {adjective} view of {topic} in {year}',
    'In {year}, what did the {adjective} representative say about {topic}?',
    '{adjective} statement on {topic}, {year}',
    'What did {adjective} leaders tell the UN about {topic} in {year}?',
  ],
  'country-topic': [
    'What did {country} say about {topic}?',
    "What is {country's} position on {topic}?",
    'How does {country} talk about {topic}?',
    '{country} on {topic}',
    'Has {country} spoken about {topic} at the UN?',
    '{topic}: what has {country} said?',
    "What are {country's} views on {topic}?",
  ],
  'country-topic-decade': [
    'What did {country} say about {topic} in the {decade}?',
    "{country's} view of {topic} in the {decade}",
    'How did {country} speak about {topic} during the {decade}?',
    '{country} on {topic}, {decade}',
    'In the {decade}, what did {country} say about {topic}?',
  ],
  'topic-year': [
    'What was said about {topic} in {year}?',
    '{topic} in {year}',
    'How was {topic} discussed at the {year} General Debate?',
    'Who spoke about {topic} in {year}?',
    'What did countries say about {topic} in {year}?',
    '{topic}, {year}',
    'In {year}, what did speakers say about {topic}?',
  ],
};

/** Every template, with ids like "country-topic-year/3". */
export const TEMPLATES: readonly Template[] = CATEGORIES.flatMap((category) => PATTERNS[category].map((pattern, i) => ({ id: `${category}/${i + 1}`, category, pattern })));

export function templatesOf(category: QuestionCategory): Template[] {
  return TEMPLATES.filter((template) => template.category === category);
}

export interface Slots {
  country?: string;
  countryPossessive?: string;
  adjective?: string;
  topic: string;
  year?: number;
  decade?: number;
}

/** The question: the pattern with its slots filled, first letter capitalised. */
export function renderTemplate(pattern: string, slots: Slots): string {
  const text = pattern.replace(/\{(country's|country|adjective|topic|year|decade)\}/g, (_, slot: string) => {
    const value = { "country's": slots.countryPossessive, country: slots.country, adjective: slots.adjective, topic: slots.topic, year: slots.year, decade: slots.decade === undefined ? undefined : `${slots.decade}s` }[slot];
    if (value === undefined) throw new Error(`template "${pattern}" needs {${slot}}`);
    return String(value);
  });
  return text.charAt(0).toUpperCase() + text.slice(1);
}
