// The statements and the phrase of the test app (main.js); the test computes what the engine
// finds in them to compare with what the app shows.
export const STATEMENTS = [
  {
    id: 'a',
    speaker: 'A',
    date: '2021',
    text: 'We must practise true multilateralism and uphold the international system with the United Nations at its core. Development is the master key to solving all problems.',
  },
  {
    id: 'b',
    speaker: 'B',
    date: '2023',
    text: 'All countries should practise genuine multilateralism and uphold the international system with the United Nations at its core. Peace is our common aspiration.',
  },
];

export const PHRASE = 'true multilateralism';

export const OPTIONS = { min_words: 2 };
