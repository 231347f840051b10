// The UN's membership and its short country names (issue 10, item 5): the 193 Member States — the same set as
// the UN E-Government Survey 2024 in src/benchmarks-data/un-egov-survey/egov-indices.csv, which
// test/countries.test.ts checks — and the two observer States. Names: the short names of the UN Terminology
// Database (UNTERM) and the M49 standard (https://unstats.un.org/unsd/methodology/m49/), as UN documents write
// them in the six official languages, where they differ from the CLDR names the app uses otherwise
// (Intl.DisplayNames: "Vietnam", "South Korea", "Iran", "Congo - Kinshasa", "St. Lucia"…). Not a political
// judgement of the software: the names the Organization uses.

/** The 193 Member States of the United Nations, by ISO 3166-1 alpha-3 code. */
export const UN_MEMBER_STATES: readonly string[] = [
  'AFG', 'AGO', 'ALB', 'AND', 'ARE', 'ARG', 'ARM', 'ATG', 'AUS', 'AUT', 'AZE', 'BDI', 'BEL', 'BEN', 'BFA', 'BGD',
  'BGR', 'BHR', 'BHS', 'BIH', 'BLR', 'BLZ', 'BOL', 'BRA', 'BRB', 'BRN', 'BTN', 'BWA', 'CAF', 'CAN', 'CHE', 'CHL',
  'CHN', 'CIV', 'CMR', 'COD', 'COG', 'COL', 'COM', 'CPV', 'CRI', 'CUB', 'CYP', 'CZE', 'DEU', 'DJI', 'DMA', 'DNK',
  'DOM', 'DZA', 'ECU', 'EGY', 'ERI', 'ESP', 'EST', 'ETH', 'FIN', 'FJI', 'FRA', 'FSM', 'GAB', 'GBR', 'GEO', 'GHA',
  'GIN', 'GMB', 'GNB', 'GNQ', 'GRC', 'GRD', 'GTM', 'GUY', 'HND', 'HRV', 'HTI', 'HUN', 'IDN', 'IND', 'IRL', 'IRN',
  'IRQ', 'ISL', 'ISR', 'ITA', 'JAM', 'JOR', 'JPN', 'KAZ', 'KEN', 'KGZ', 'KHM', 'KIR', 'KNA', 'KOR', 'KWT', 'LAO',
  'LBN', 'LBR', 'LBY', 'LCA', 'LIE', 'LKA', 'LSO', 'LTU', 'LUX', 'LVA', 'MAR', 'MCO', 'MDA', 'MDG', 'MDV', 'MEX',
  'MHL', 'MKD', 'MLI', 'MLT', 'MMR', 'MNE', 'MNG', 'MOZ', 'MRT', 'MUS', 'MWI', 'MYS', 'NAM', 'NER', 'NGA', 'NIC',
  'NLD', 'NOR', 'NPL', 'NRU', 'NZL', 'OMN', 'PAK', 'PAN', 'PER', 'PHL', 'PLW', 'PNG', 'POL', 'PRK', 'PRT', 'PRY',
  'QAT', 'ROU', 'RUS', 'RWA', 'SAU', 'SDN', 'SEN', 'SGP', 'SLB', 'SLE', 'SLV', 'SMR', 'SOM', 'SRB', 'SSD', 'STP',
  'SUR', 'SVK', 'SVN', 'SWE', 'SWZ', 'SYC', 'SYR', 'TCD', 'TGO', 'THA', 'TJK', 'TKM', 'TLS', 'TON', 'TTO', 'TUN',
  'TUR', 'TUV', 'TZA', 'UGA', 'UKR', 'URY', 'USA', 'UZB', 'VCT', 'VEN', 'VNM', 'VUT', 'WSM', 'YEM', 'ZAF', 'ZMB',
  'ZWE',
];

/** The two non-member observer States: the Holy See and the State of Palestine. */
export const UN_OBSERVER_STATES: readonly string[] = ['VAT', 'PSE'];

/** UN short names that differ from CLDR, by alpha-3 code and language (a language left out keeps CLDR's name). */
export const UN_SHORT_NAMES: Readonly<Record<string, Readonly<Partial<Record<'ar' | 'en' | 'es' | 'fr' | 'ru' | 'zh', string>>>>> = {
  BOL: { ar: "بوليفيا (دولة - المتعددة القوميات)", en: "Bolivia (Plurinational State of)", es: "Bolivia (Estado Plurinacional de)", fr: "Bolivie (État plurinational de)", ru: "Боливия (Многонациональное Государство)", zh: "多民族玻利维亚国" },
  IRN: { ar: "إيران (جمهورية - الإسلامية)", en: "Iran (Islamic Republic of)", es: "Irán (República Islámica del)", fr: "Iran (République islamique d’)", ru: "Иран (Исламская Республика)", zh: "伊朗（伊斯兰共和国）" },
  KOR: { ar: "جمهورية كوريا", en: "Republic of Korea", es: "República de Corea", fr: "République de Corée", ru: "Республика Корея", zh: "大韩民国" },
  PRK: { ar: "جمهورية كوريا الشعبية الديمقراطية", en: "Democratic People's Republic of Korea", es: "República Popular Democrática de Corea", fr: "République populaire démocratique de Corée", ru: "Корейская Народно-Демократическая Республика", zh: "朝鲜民主主义人民共和国" },
  TZA: { ar: "جمهورية تنزانيا المتحدة", en: "United Republic of Tanzania", es: "República Unida de Tanzanía", fr: "République-Unie de Tanzanie", ru: "Объединенная Республика Танзания", zh: "坦桑尼亚联合共和国" },
  VEN: { ar: "فنزويلا (جمهورية - البوليفارية)", en: "Venezuela (Bolivarian Republic of)", es: "Venezuela (República Bolivariana de)", fr: "Venezuela (République bolivarienne du)", ru: "Венесуэла (Боливарианская Республика)", zh: "委内瑞拉玻利瓦尔共和国" },
  FSM: { ar: "ميكرونيزيا (ولايات - الموحدة)", en: "Micronesia (Federated States of)", es: "Micronesia (Estados Federados de)", fr: "Micronésie (États fédérés de)", ru: "Микронезия (Федеративные Штаты)", zh: "密克罗尼西亚联邦" },
  MDA: { ar: "جمهورية مولدوفا", en: "Republic of Moldova", es: "República de Moldova", fr: "République de Moldova", ru: "Республика Молдова", zh: "摩尔多瓦共和国" },
  RUS: { ar: "الاتحاد الروسي", en: "Russian Federation", es: "Federación de Rusia", fr: "Fédération de Russie", ru: "Российская Федерация", zh: "俄罗斯联邦" },
  SYR: { ar: "الجمهورية العربية السورية", en: "Syrian Arab Republic", es: "República Árabe Siria", fr: "République arabe syrienne", ru: "Сирийская Арабская Республика", zh: "阿拉伯叙利亚共和国" },
  LAO: { ar: "جمهورية لاو الديمقراطية الشعبية", en: "Lao People's Democratic Republic", es: "República Democrática Popular Lao", fr: "République démocratique populaire lao", ru: "Лаосская Народно-Демократическая Республика", zh: "老挝人民民主共和国" },
  GBR: { ar: "المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية", en: "United Kingdom of Great Britain and Northern Ireland", es: "Reino Unido de Gran Bretaña e Irlanda del Norte", fr: "Royaume-Uni de Grande-Bretagne et d’Irlande du Nord", ru: "Соединенное Королевство Великобритании и Северной Ирландии", zh: "大不列颠及北爱尔兰联合王国" },
  USA: { ar: "الولايات المتحدة الأمريكية", en: "United States of America", es: "Estados Unidos de América", fr: "États-Unis d’Amérique", ru: "Соединенные Штаты Америки", zh: "美利坚合众国" },
  CIV: { ar: "كوت ديفوار", en: "Côte d'Ivoire", es: "Côte d'Ivoire", fr: "Côte d’Ivoire", ru: "Кот-д’Ивуар", zh: "科特迪瓦" },
  NLD: { ar: "هولندا (مملكة -)", en: "Netherlands (Kingdom of the)", es: "Países Bajos (Reino de los)", fr: "Pays-Bas (Royaume des)", ru: "Нидерланды (Королевство)", zh: "荷兰王国" },
  PSE: { ar: "دولة فلسطين", en: "State of Palestine", es: "Estado de Palestina", fr: "État de Palestine", ru: "Государство Палестина", zh: "巴勒斯坦国" },
  VAT: { ar: "الكرسي الرسولي", en: "Holy See", es: "Santa Sede", fr: "Saint-Siège", ru: "Святой Престол", zh: "教廷" },
  VNM: { ar: "فييت نام", en: "Viet Nam", es: "Viet Nam", fr: "Viet Nam", ru: "Вьетнам", zh: "越南" },
  TUR: { ar: "تركيا", en: "Türkiye", es: "Türkiye", fr: "Türkiye", ru: "Тюркийе", zh: "土耳其" },
  COD: { ar: "جمهورية الكونغو الديمقراطية", en: "Democratic Republic of the Congo", es: "República Democrática del Congo", fr: "République démocratique du Congo", ru: "Демократическая Республика Конго", zh: "刚果民主共和国" },
  COG: { ar: "الكونغو", en: "Congo", es: "Congo", fr: "Congo", ru: "Конго", zh: "刚果" },
  CZE: { ar: "تشيكيا", en: "Czechia", es: "Chequia", fr: "Tchéquie", ru: "Чехия", zh: "捷克" },
  SWZ: { ar: "إسواتيني", en: "Eswatini", es: "Eswatini", fr: "Eswatini", ru: "Эсватини", zh: "斯威士兰" },
  MKD: { ar: "مقدونيا الشمالية", en: "North Macedonia", es: "Macedonia del Norte", fr: "Macédoine du Nord", ru: "Северная Македония", zh: "北马其顿" },
  CPV: { ar: "كابو فيردي", en: "Cabo Verde", es: "Cabo Verde", fr: "Cabo Verde", ru: "Кабо-Верде", zh: "佛得角" },
  BRN: { ar: "بروني دار السلام", en: "Brunei Darussalam", es: "Brunei Darussalam", fr: "Brunéi Darussalam", ru: "Бруней-Даруссалам", zh: "文莱达鲁萨兰国" },
  MMR: { ar: "ميانمار", en: "Myanmar", es: "Myanmar", fr: "Myanmar", ru: "Мьянма", zh: "缅甸" },
  ATG: { en: "Antigua and Barbuda" },
  BIH: { en: "Bosnia and Herzegovina" },
  KNA: { en: "Saint Kitts and Nevis" },
  LCA: { en: "Saint Lucia" },
  STP: { en: "Sao Tome and Principe" },
  TTO: { en: "Trinidad and Tobago" },
  VCT: { en: "Saint Vincent and the Grenadines" },
};
