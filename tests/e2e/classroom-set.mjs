// A teacher's own set for the classroom tests: seven statements by seven speakers in two groups,
// written for these tests (not the demo), with sidecars as a teacher would drop them. They share
// formulas that each speaker words a little differently ("true / genuine / effective
// multilateralism"), one formula that group North uses and group South does not ("rules-based
// international order"), one that South uses and North does not ("shared future for mankind"), and
// long sentences, so that seven speakers cannot stand on one slide. Dunmore says "effective" twice in
// one sentence: a worksheet must not blank one and print the other beside it.

const S = [
  {
    name: 'aurelia-2021',
    speaker: 'Minister of Aurelia',
    date: '2021-09-21',
    group: 'North',
    text: [
      'Mr. President, my delegation congratulates you on your election and thanks the Secretary-General for his tireless leadership during a year of hardship for so many families.',
      'In these times of division we must uphold effective multilateralism with the United Nations at its core, because no country, however large, can meet the challenges of our century alone.',
      'We remain committed to the rules-based international order that has kept the peace between great powers for almost eight decades, and we will defend it wherever it is challenged.',
      'Aurelia will double its contribution to the fund for climate adaptation and will open its universities to students from every region of the world.',
    ],
  },
  {
    name: 'borealis-2022',
    speaker: 'President of Borealis',
    date: '2022-09-20',
    group: 'North',
    text: [
      'It is an honour to address this Assembly on behalf of a people who have always believed that cooperation between nations is the surest path to lasting prosperity.',
      'Borealis calls on every Member State to uphold effective multilateralism with the United Nations at its core and to give the Organization the resources that its mandates require.',
      'The rules-based international order is not a slogan but a shield for small States, and its erosion would leave the weak at the mercy of the strong in every region.',
      'We will host next spring a conference on the protection of the oceans, and we invite all delegations to bring their scientists as well as their diplomats.',
    ],
  },
  {
    name: 'caledon-2023',
    speaker: 'Prime Minister of Caledon',
    date: '2023-09-19',
    group: 'North',
    text: [
      'Caledon comes to this rostrum with a simple message from its farmers, its fishers and its young people, who ask us for results rather than declarations.',
      'We must uphold real multilateralism with the United Nations at its core, and we must reform the Security Council so that it reflects the world of today rather than that of 1945.',
      'Caledon stands for the rules-based international order and for the peaceful settlement of disputes through dialogue, mediation and, where necessary, the International Court of Justice.',
      'Our new development partnership will connect the ports of the north with the markets of the south in a spirit of fairness and mutual respect.',
    ],
  },
  {
    name: 'dunmore-2023',
    speaker: 'Foreign Minister of Dunmore',
    date: '2023-09-22',
    group: 'North',
    text: [
      'Dunmore joins the many voices in this Hall that have paid tribute to the humanitarian workers who lost their lives in the service of others during the past year.',
      'Together we must uphold effective multilateralism with the United Nations at its core, for only an effective Organization can keep our promises on financing for development.',
      'The rules-based international order has served every nation represented here, and Dunmore will work with all partners who are ready to renew it for a new generation.',
      'We are proud to announce that every child in Dunmore will have access to clean water and a primary school within walking distance by the year 2030.',
    ],
  },
  {
    name: 'esperia-2021',
    speaker: 'President of Esperia',
    date: '2021-09-22',
    group: 'South',
    text: [
      'Esperia brings to this Assembly the greetings of a young nation that has known war and has chosen, with determination and hope, the path of reconciliation and development.',
      'We must uphold true multilateralism with the United Nations at its core and reject unilateral sanctions that punish ordinary people for decisions they never took.',
      'Esperia believes in building a community with a shared future for mankind, in which every nation has an equal voice and an equal claim to the fruits of progress.',
      'Our farmers have planted ten million trees along the river valleys, and we ask our partners to help us bring that work to the dry lands of the interior.',
    ],
  },
  {
    name: 'fenland-2022',
    speaker: 'Vice-President of Fenland',
    date: '2022-09-23',
    group: 'South',
    text: [
      'Fenland speaks for the island peoples whose homes are disappearing beneath the rising sea while the largest emitters debate targets that they rarely meet.',
      'The world must uphold genuine multilateralism with the United Nations at its core, and the voice of the small island developing States must be heard where decisions are made.',
      'We share the vision of a community with a shared future for mankind, and we call for a fair system of finance that does not drown our economies in debt.',
      'Fenland will open the first regional centre for early warning of storms next year, with the support of our friends in the region and beyond.',
    ],
  },
  {
    name: 'galdor-2023',
    speaker: 'Minister of Galdor',
    date: '2023-09-21',
    group: 'South',
    text: [
      'Galdor thanks the people of this city for their hospitality and the President of the General Assembly for the careful preparation of this high-level week.',
      'All nations should uphold true multilateralism with the United Nations at its core, and the Organization must defend the sovereignty of every State, large or small.',
      'Galdor will continue to work for a community with a shared future for mankind, built on dialogue, on respect for different civilizations and on development for all.',
      'Our new railway will carry goods from the coast to the highlands in one day instead of five, and it is open to the trade of all our neighbours.',
    ],
  },
];

/** The seven statements: [{name, speaker, date, group, text}] (paragraphs joined by newlines). */
export const TEACHER_SET = S.map((s) => ({ ...s, text: `${s.text.join('\n')}\n` }));

/** The same set with one wording of the multilateralism formula for all: no refrain varies. */
export const UNIFORM_SET = TEACHER_SET.map((s) => ({
  ...s,
  text: s.text.replace(/uphold \w+ multilateralism/, 'uphold effective multilateralism'),
}));

/** The files a teacher drops: each text of `set` with its sidecar (speaker, date, group). */
export function teacherFiles(set = TEACHER_SET) {
  return set.flatMap((s) => [
    { name: `${s.name}.txt`, mimeType: 'text/plain', buffer: Buffer.from(s.text) },
    {
      name: `${s.name}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ title: s.name, speaker: s.speaker, date: s.date, group: s.group })),
    },
  ]);
}
