/**
 * Short statements written for these tests, one per language the tokenizer
 * must be honest about: a title line, then a few sentences in the register of
 * the corpus. Ingested as plain files with no metadata, so their language
 * comes from their text.
 */
export const NON_LATIN_STATEMENTS = {
  ru: `Нет войне против народа Украины

Мы решительно осуждаем войну против народа Украины. Война несёт рабочим обеих стран только нищету и смерть. Беженцы, покинувшие свои дома, нуждаются в нашей солидарности. Мы требуем немедленного прекращения огня и вывода всех войск.
`,
  uk: `Заява робітників Харкова

Ми засуджуємо війну, яку ведуть імперіалісти за переділ світу. Біженці з Харкова та Маріуполя потребують допомоги, а не гучних слів. Робітники України й Росії не є ворогами один одному; їхній ворог — ті, хто наживається на війні.
`,
  fa: `بیانیه درباره جنگ و پناهجویان

ما حمله نظامی به اوکراین را محکوم می‌کنیم. کارگران و زحمتکشان بهای این جنگ را می‌پردازند. پناهجویان افغانستانی در ایران با تبعیض و اخراج روبرو هستند. ما خواستار آتش‌بس فوری و بازگشت امن آوارگان هستیم.
`,
  ar: `بيان ضد الحرب

ندين الحرب الإمبريالية على الشعب الأوكراني. يدفع العمال والفلاحون ثمن هذه الحرب. يعاني اللاجئون الأفغان في إيران وباكستان من التمييز والترحيل القسري. نطالب بوقف فوري لإطلاق النار وانسحاب جميع القوات الأجنبية.
`,
  tr: `Savaşa karşı ortak açıklama

Emperyalist savaşı kınıyoruz. Kadınların ve işçilerin hakları için birlikte mücadele ediyoruz. Afganistan’dan kaçan mülteciler sınır dışı edilmemelidir. Silahlar sussun, halklar kazansın!
`,
} as const;
