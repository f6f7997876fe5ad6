/**
 * Hand-written text in the languages statements and questions come in: for
 * each, questions of the length people ask (5–15 words) and paragraphs in the
 * register of a political statement. Written for these tests (no corpus or
 * model output), so the detector is measured on text it has never seen.
 * Dari is Persian for our purposes ('fa'); Kurdish is 'ku' in either script.
 */
export interface LanguageSample {
  /** ISO 639-1. */
  language: string;
  /** Which variety, when the code covers several ("Dari", "Sorani"). */
  variety?: string;
  kind: 'question' | 'paragraph';
  text: string;
}

const QUESTIONS: Record<string, string[]> = {
  en: [
    'What does ICOR say about the Taliban?',
    'Which parties condemned the Russian invasion of Ukraine in 2022?',
    'How do the statements describe the situation of women in Afghanistan?',
    'Did anyone call for sanctions against the new government in Kabul?',
    'What is said about refugees fleeing to Iran and Pakistan?',
    'What did the CIPOML say about NATO?',
    'Is the KKE against the war in Ukraine?',
    'Who signed the appeal against the Taliban?',
  ],
  de: [
    'Was sagt die ICOR über die Taliban?',
    'Welche Parteien haben den Einmarsch Russlands in die Ukraine verurteilt?',
    'Wie beschreiben die Erklärungen die Lage der Frauen in Afghanistan?',
    'Hat jemand Sanktionen gegen die neue Regierung in Kabul gefordert?',
    'Was wird über Flüchtlinge an der Grenze zum Iran gesagt?',
    'Was fordert die MLPD von der Bundesregierung?',
    'Ist die KKE gegen den Krieg in der Ukraine?',
    'Wer hat den Aufruf gegen die Taliban unterschrieben?',
  ],
  fr: [
    'Que dit l’ICOR sur les talibans ?',
    'Quels partis ont condamné l’invasion russe de l’Ukraine en 2022 ?',
    'Comment les déclarations décrivent-elles la situation des femmes en Afghanistan ?',
    'Quelqu’un a-t-il appelé à des sanctions contre le nouveau gouvernement de Kaboul ?',
    'Que disent-ils des réfugiés qui fuient vers l’Iran et le Pakistan ?',
    'Que demande le PCOF au gouvernement français ?',
    'Le KKE est-il contre la guerre en Ukraine ?',
    'Qui a signé l’appel contre les talibans ?',
  ],
  es: [
    '¿Qué dice la ICOR sobre los talibanes?',
    '¿Qué partidos condenaron la invasión rusa de Ucrania en 2022?',
    '¿Cómo describen las declaraciones la situación de las mujeres en Afganistán?',
    '¿Alguien pidió sanciones contra el nuevo gobierno de Kabul?',
    '¿Qué se dice de los refugiados que huyen hacia Irán y Pakistán?',
    '¿Qué exige el PCE (m-l) al gobierno?',
    '¿Está el KKE en contra de la guerra en Ucrania?',
    '¿Quién firmó el llamamiento contra los talibanes?',
  ],
  it: [
    'Cosa dice l’ICOR sui talebani?',
    'Quali partiti hanno condannato l’invasione russa dell’Ucraina nel 2022?',
    'Come descrivono le dichiarazioni la condizione delle donne in Afghanistan?',
    'Qualcuno ha chiesto sanzioni contro il nuovo governo di Kabul?',
    'Cosa chiede il PMLI al governo italiano?',
    'Il KKE è contro la guerra in Ucraina?',
    'Chi ha firmato l’appello contro i talebani?',
  ],
  pt: [
    'O que diz a ICOR sobre os talibãs?',
    'Quais partidos condenaram a invasão russa da Ucrânia em 2022?',
    'Como as declarações descrevem a situação das mulheres no Afeganistão?',
    'Alguém pediu sanções contra o novo governo de Cabul?',
    'O que o PCTP exige do governo?',
    'O KKE é contra a guerra na Ucrânia?',
    'Quem assinou o apelo contra os talibãs?',
  ],
  ru: [
    'Что говорит ICOR о талибах?',
    'Какие партии осудили вторжение России в Украину в 2022 году?',
    'Как в заявлениях описывается положение женщин в Афганистане?',
    'Кто-нибудь призывал к санкциям против нового правительства в Кабуле?',
    'Что сказано о беженцах, бегущих в Иран и Пакистан?',
    'Чего требует КПРФ от правительства?',
    'Выступает ли KKE против войны на Украине?',
    'Кто подписал обращение против талибов?',
  ],
  uk: [
    'Що каже ICOR про талібів?',
    'Які партії засудили вторгнення Росії в Україну у 2022 році?',
    'Як у заявах описано становище жінок в Афганістані?',
    'Чи закликав хтось до санкцій проти нового уряду в Кабулі?',
    'Що сказано про біженців, які тікають до Ірану та Пакистану?',
    'Чого вимагає ICOR від НАТО?',
    'Чи виступає KKE проти війни в Україні?',
    'Хто підписав звернення проти талібів?',
  ],
  fa: [
    'ایکور درباره طالبان چه می‌گوید؟',
    'کدام احزاب تجاوز روسیه به اوکراین در سال ۲۰۲۲ را محکوم کردند؟',
    'بیانیه‌ها وضعیت زنان در افغانستان را چگونه توصیف می‌کنند؟',
    'آیا کسی خواستار تحریم دولت جدید در کابل شده است؟',
    'درباره پناهجویانی که به ایران و پاکستان می‌گریزند چه گفته شده است؟',
    'حزب توده درباره ناتو چه گفته است؟',
    'آیا KKE مخالف جنگ در اوکراین است؟',
    'چه کسانی فراخوان علیه طالبان را امضا کردند؟',
  ],
  ps: [
    'ایکور د طالبانو په اړه څه وايي؟',
    'کومو ګوندونو په ۲۰۲۲ کال کې پر اوکراین د روسیې یرغل وغانده؟',
    'په اعلامیو کې په افغانستان کې د ښځو وضعیت څنګه بیان شوی دی؟',
    'ایا چا په کابل کې د نوي حکومت پر ضد د بندیزونو غوښتنه کړې ده؟',
    'د هغو کډوالو په اړه څه ویل شوي چې ایران او پاکستان ته تښتي؟',
    'د ICOR بیانیه د ناټو په اړه څه وايي؟',
    'ایا KKE په اوکراین کې د جګړې مخالف دی؟',
    'چا د طالبانو پر ضد غوښتنلیک لاسلیک کړ؟',
  ],
  ar: [
    'ماذا تقول إيكور عن حركة طالبان؟',
    'ما هي الأحزاب التي أدانت الغزو الروسي لأوكرانيا في عام 2022؟',
    'كيف تصف البيانات وضع النساء في أفغانستان؟',
    'هل دعا أحد إلى فرض عقوبات على الحكومة الجديدة في كابول؟',
    'ماذا قيل عن اللاجئين الفارين إلى إيران وباكستان؟',
    'ماذا قال الحزب الشيوعي عن حلف الناتو؟',
    'هل يعارض KKE الحرب في أوكرانيا؟',
    'من وقّع على النداء ضد طالبان؟',
  ],
  tr: [
    'ICOR Taliban hakkında ne söylüyor?',
    'Hangi partiler 2022’de Rusya’nın Ukrayna’yı işgalini kınadı?',
    'Açıklamalar Afganistan’daki kadınların durumunu nasıl anlatıyor?',
    'Kabil’deki yeni hükümete karşı yaptırım çağrısı yapan oldu mu?',
    'İran ve Pakistan’a kaçan mülteciler hakkında ne deniyor?',
    'ICOR NATO hakkında ne dedi?',
    'KKE Ukrayna’daki savaşa karşı mı?',
    'Taliban’a karşı çağrıyı kimler imzaladı?',
  ],
  ur: [
    'آئکور طالبان کے بارے میں کیا کہتا ہے؟',
    'کن جماعتوں نے 2022 میں یوکرین پر روسی حملے کی مذمت کی؟',
    'بیانات میں افغانستان میں خواتین کی صورتحال کو کیسے بیان کیا گیا ہے؟',
  ],
};

const DARI_QUESTIONS = [
  'حزب‌های چپ در مورد حکومت طالبان چه گفته‌اند؟',
  'وضعیت دختران در مکتب‌ها و پوهنتون‌ها چطور است؟',
  'آیا کدام حزب از مردم افغانستان خواسته که علیه طالبان مبارزه کنند؟',
  'در اعلامیه‌ها درباره خروج عساکر امریکایی چه نوشته شده؟',
];

const KURMANJI_QUESTIONS = [
  'ICOR li ser Talîbanê çi dibêje?',
  'Kîjan partiyan di sala 2022an de êrîşa Rûsyayê ya li ser Ukraynayê şermezar kir?',
  'Daxuyanî rewşa jinan li Afganistanê çawa vedibêjin?',
  'Kesî li dijî hikûmeta nû ya Kabulê banga cezayan kir?',
];

const SORANI_QUESTIONS = [
  'ئایکۆر دەربارەی تاڵیبان چی دەڵێت؟',
  'کام پارتییەکان هێرشی ڕووسیایان بۆ سەر ئۆکرانیا لە ساڵی ٢٠٢٢ ئیدانە کرد؟',
  'بەیاننامەکان چۆن باسی دۆخی ژنان لە ئەفغانستان دەکەن؟',
  'ئایا کەس داوای سزادانی حکوومەتی نوێی کابولی کردووە؟',
];

const PARAGRAPHS: Record<string, string[]> = {
  en: [
    'The seizure of power by the Taliban is a heavy blow to the people of Afghanistan, and above all to its women. After twenty years of occupation, the imperialist powers leave behind a devastated country. We call on all progressive forces to support the democratic and revolutionary organisations that continue the struggle under the most difficult conditions.',
    'We condemn the invasion of Ukraine by the Russian army in the strongest terms. This war is fought on the backs of the workers of both countries, while the arms industry counts its profits. Neither NATO nor the Kremlin defends the interests of the people; only international solidarity can end the killing.',
  ],
  de: [
    'Die Machtergreifung der Taliban ist ein schwerer Schlag für die Menschen in Afghanistan, vor allem für die Frauen. Nach zwanzig Jahren Besatzung hinterlassen die imperialistischen Mächte ein zerstörtes Land. Wir rufen alle fortschrittlichen Kräfte auf, die demokratischen und revolutionären Organisationen zu unterstützen, die den Kampf unter schwierigsten Bedingungen fortsetzen.',
    'Wir verurteilen den Einmarsch der russischen Armee in die Ukraine auf das Schärfste. Dieser Krieg wird auf dem Rücken der Arbeiter beider Länder ausgetragen, während die Rüstungsindustrie ihre Gewinne zählt. Weder die NATO noch der Kreml vertreten die Interessen der Völker.',
  ],
  fr: [
    'La prise du pouvoir par les talibans est un coup dur pour le peuple afghan, et avant tout pour les femmes. Après vingt ans d’occupation, les puissances impérialistes laissent derrière elles un pays dévasté. Nous appelons toutes les forces progressistes à soutenir les organisations démocratiques et révolutionnaires qui poursuivent la lutte dans des conditions très difficiles.',
    'Nous condamnons avec la plus grande fermeté l’invasion de l’Ukraine par l’armée russe. Cette guerre se fait sur le dos des travailleurs des deux pays, pendant que l’industrie de l’armement compte ses profits. Ni l’OTAN ni le Kremlin ne défendent les intérêts des peuples.',
  ],
  es: [
    'La toma del poder por los talibanes es un duro golpe para el pueblo de Afganistán, y sobre todo para las mujeres. Después de veinte años de ocupación, las potencias imperialistas dejan atrás un país devastado. Llamamos a todas las fuerzas progresistas a apoyar a las organizaciones democráticas y revolucionarias que continúan la lucha en condiciones muy difíciles.',
    'Condenamos con la mayor firmeza la invasión de Ucrania por el ejército ruso. Esta guerra se libra a costa de los trabajadores de ambos países, mientras la industria armamentística cuenta sus ganancias. Ni la OTAN ni el Kremlin defienden los intereses de los pueblos.',
  ],
  it: [
    'La presa del potere da parte dei talebani è un duro colpo per il popolo afghano, e soprattutto per le donne. Dopo vent’anni di occupazione, le potenze imperialiste lasciano dietro di sé un paese devastato. Chiediamo a tutte le forze progressiste di sostenere le organizzazioni democratiche e rivoluzionarie che continuano la lotta in condizioni difficilissime.',
    'Condanniamo con la massima fermezza l’invasione dell’Ucraina da parte dell’esercito russo. Questa guerra si combatte sulla pelle dei lavoratori di entrambi i paesi, mentre l’industria delle armi conta i suoi profitti.',
  ],
  pt: [
    'A tomada do poder pelos talibãs é um duro golpe para o povo do Afeganistão, e sobretudo para as mulheres. Depois de vinte anos de ocupação, as potências imperialistas deixam para trás um país devastado. Apelamos a todas as forças progressistas para que apoiem as organizações democráticas e revolucionárias que continuam a luta em condições muito difíceis.',
    'Condenamos com a maior firmeza a invasão da Ucrânia pelo exército russo. Esta guerra é travada à custa dos trabalhadores dos dois países, enquanto a indústria de armamento conta os seus lucros.',
  ],
  ru: [
    'Захват власти талибами стал тяжёлым ударом для народа Афганистана, и прежде всего для женщин. После двадцати лет оккупации империалистические державы оставляют после себя разорённую страну. Мы призываем все прогрессивные силы поддержать демократические и революционные организации, которые продолжают борьбу в самых тяжёлых условиях.',
    'Мы решительно осуждаем вторжение российской армии в Украину. Эта война ведётся за счёт рабочих обеих стран, пока военная промышленность подсчитывает свои прибыли. Ни НАТО, ни Кремль не защищают интересы народов; только международная солидарность может остановить убийства.',
  ],
  uk: [
    'Захоплення влади талібами стало важким ударом для народу Афганістану, і передусім для жінок. Після двадцяти років окупації імперіалістичні держави залишають по собі зруйновану країну. Ми закликаємо всі прогресивні сили підтримати демократичні та революційні організації, які продовжують боротьбу в найтяжчих умовах.',
    'Ми рішуче засуджуємо вторгнення російської армії в Україну. Ця війна ведеться коштом робітників обох країн, поки військова промисловість рахує свої прибутки. Ні НАТО, ні Кремль не захищають інтересів народів; лише міжнародна солідарність може зупинити вбивства.',
  ],
  fa: [
    'به قدرت رسیدن طالبان ضربه‌ای سنگین به مردم افغانستان و پیش از همه به زنان است. قدرت‌های امپریالیستی پس از بیست سال اشغال، کشوری ویران به جا می‌گذارند. ما از همه نیروهای مترقی می‌خواهیم که از سازمان‌های دموکراتیک و انقلابی که در سخت‌ترین شرایط به مبارزه ادامه می‌دهند، پشتیبانی کنند.',
    'ما تجاوز ارتش روسیه به اوکراین را با قاطعیت محکوم می‌کنیم. این جنگ بر دوش کارگران هر دو کشور پیش می‌رود، در حالی که صنایع تسلیحاتی سودهای خود را می‌شمارند. نه ناتو و نه کرملین از منافع مردم دفاع نمی‌کنند.',
  ],
  ps: [
    'د طالبانو له خوا د واک نیول د افغانستان خلکو او تر ټولو دمخه ښځو ته یو دروند ګوزار دی. امپریالیستي ځواکونه د شلو کلونو اشغال وروسته یو ویجاړ هېواد پرېږدي. موږ له ټولو مترقي ځواکونو غوښتنه کوو چې د هغو دموکراتیکو او انقلابي سازمانونو ملاتړ وکړي چې په ډېرو سختو شرایطو کې خپله مبارزه دوام ورکوي.',
    'موږ پر اوکراین د روسیې د پوځ یرغل په کلکه غندو. دا جګړه د دواړو هېوادونو د کارګرانو پر اوږو روانه ده، په داسې حال کې چې د وسلو صنعت خپله ګټه شمېري.',
  ],
  ar: [
    'إن استيلاء طالبان على السلطة ضربة قاسية لشعب أفغانستان، وللنساء قبل كل شيء. بعد عشرين عاماً من الاحتلال، تترك القوى الإمبريالية وراءها بلداً مدمراً. ندعو جميع القوى التقدمية إلى دعم المنظمات الديمقراطية والثورية التي تواصل النضال في أصعب الظروف.',
    'ندين بأشد العبارات غزو الجيش الروسي لأوكرانيا. هذه الحرب تُخاض على حساب عمال البلدين، بينما تحصي صناعة السلاح أرباحها. لا حلف الناتو ولا الكرملين يدافع عن مصالح الشعوب.',
  ],
  tr: [
    'Taliban’ın iktidarı ele geçirmesi Afganistan halkı ve her şeyden önce kadınlar için ağır bir darbedir. Emperyalist güçler yirmi yıllık işgalin ardından harap olmuş bir ülke bırakıyor. Tüm ilerici güçleri, en zor koşullarda mücadeleyi sürdüren demokratik ve devrimci örgütleri desteklemeye çağırıyoruz.',
    'Rus ordusunun Ukrayna’yı işgalini en güçlü şekilde kınıyoruz. Bu savaş iki ülkenin işçilerinin sırtından yürütülürken silah sanayii kârlarını sayıyor. Ne NATO ne de Kremlin halkların çıkarlarını savunuyor.',
  ],
  ur: [
    'طالبان کا اقتدار پر قبضہ افغانستان کے عوام اور سب سے بڑھ کر خواتین کے لیے ایک سخت دھچکا ہے۔ بیس سال کے قبضے کے بعد سامراجی طاقتیں اپنے پیچھے ایک تباہ حال ملک چھوڑ رہی ہیں۔ ہم تمام ترقی پسند قوتوں سے اپیل کرتے ہیں کہ وہ ان جمہوری اور انقلابی تنظیموں کی حمایت کریں جو انتہائی مشکل حالات میں جدوجہد جاری رکھے ہوئے ہیں۔',
  ],
};

const DARI_PARAGRAPHS = [
  'با آمدن دوباره طالبان، دروازه‌های مکتب‌ها و پوهنتون‌ها به روی دختران بسته شد. عساکر امریکایی پس از بیست سال افغانستان را ترک کردند و مردم را با فقر و بیکاری تنها گذاشتند. ما از همه حزب‌ها و سازمان‌های مترقی جهان می‌خواهیم که با مبارزه زنان افغانستان همبستگی نشان بدهند.',
];

const KURMANJI_PARAGRAPHS = [
  'Desthilatdariya Talîbanê ji bo gelê Afganistanê û berî her tiştî ji bo jinan derbeke giran e. Hêzên emperyalîst piştî bîst salan dagirkeriyê welatekî wêranbûyî li pey xwe dihêlin. Em bang li hemû hêzên pêşverû dikin ku piştgiriyê bidin rêxistinên demokratîk û şoreşger ên ku di şert û mercên herî dijwar de têkoşînê didomînin.',
];

const SORANI_PARAGRAPHS = [
  'دەسەڵاتگرتنی تاڵیبان گورزێکی قورسە لە گەلی ئەفغانستان و پێش هەموو شتێک لە ژنان. هێزە ئیمپریالیستەکان دوای بیست ساڵ داگیرکاری وڵاتێکی وێرانکراو بەجێ دەهێڵن. ئێمە داوا لە هەموو هێزە پێشکەوتنخوازەکان دەکەین پشتگیری لەو ڕێکخراوە دیموکراتی و شۆڕشگێڕانە بکەن کە لە سەختترین بارودۆخدا درێژە بە خەبات دەدەن.',
];

function samples(language: string, kind: LanguageSample['kind'], texts: readonly string[], variety?: string): LanguageSample[] {
  return texts.map((text) => ({ language, kind, text, ...(variety ? { variety } : {}) }));
}

export const LANGUAGE_SAMPLES: readonly LanguageSample[] = [
  ...Object.entries(QUESTIONS).flatMap(([language, texts]) => samples(language, 'question', texts)),
  ...samples('fa', 'question', DARI_QUESTIONS, 'Dari'),
  ...samples('ku', 'question', KURMANJI_QUESTIONS, 'Kurmanji'),
  ...samples('ku', 'question', SORANI_QUESTIONS, 'Sorani'),
  ...Object.entries(PARAGRAPHS).flatMap(([language, texts]) => samples(language, 'paragraph', texts)),
  ...samples('fa', 'paragraph', DARI_PARAGRAPHS, 'Dari'),
  ...samples('ku', 'paragraph', KURMANJI_PARAGRAPHS, 'Kurmanji'),
  ...samples('ku', 'paragraph', SORANI_PARAGRAPHS, 'Sorani'),
];
