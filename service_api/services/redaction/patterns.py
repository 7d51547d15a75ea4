"""The patterns behind redaction, one per kind of personal data and language family."""

import re

I = re.IGNORECASE  # noqa: E741

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\d{1,3}[\s./-]?(?:\(0\)\s?)?|0)\(?\d{2,5}\)?"
    r"(?:[\s./-]{0,3}\d{2,}){1,4}(?![\w])"
)
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b", I)
DOC_SHAPE = re.compile(r"\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z][A-Z0-9]{7,9}\b")
DOC_LOWER = re.compile(r"\b(?=(?:[a-z]*\d){2})(?=[a-z0-9]*[a-z])[a-z][a-z0-9]{7,9}\b")
DOC_CONTEXT = re.compile(
    r"(?:pass(?:port)?\s?(?:nummer|number|no\.?|nr\.?|#)|ausweis(?:nummer|-?nr\.?)?"
    r"|(?:id|identity)[- ]?(?:card)?\s?(?:number|no\.?|nr\.?)|karten-?nummer|card\s(?:number|no\.?)"
    r"|visa\s?(?:number|nummer)|visum-?nummer|aufenthaltstitel-?nummer|eat-?nummer"
    r"|pasaport\s?(?:no|numaras[ıi]m?)|kimlik\s?(?:no|numaras[ıi]m?)|номер\s(?:паспорта|карты|документа)"
    r"|паспорт[а-я]*|رقم\s(?:الجواز|جواز\sالسفر|الهوية|الإقامة|الاقامة|الكرت)"
    r"|شماره\s(?:پاسپورت|گذرنامه|کارت|اقامت)|e-?tazkira|tazkira|تذکره)[\s:#№.-]*"
    r"(\d{4}-\d{4}-\d{5}|\d{2}\s?\d{2}\s\d{6}|\d{2}\s\d{7}|[A-Z0-9]{6,12})",
    I,
)
FILE_CONTEXT = re.compile(
    r"\b(?:aktenzeichen|az\.?|gesch(?:ä|ae)ftszeichen|gz\.?|kunden-?(?:nummer|nr\.?)"
    r"|vorgangs-?(?:nummer|nr\.?)|antrags-?(?:nummer|nr\.?)|bg-?(?:nummer|nr\.?)"
    r"|file\s(?:number|no\.?)|reference\s(?:number|no\.?)|ref\.?|case\s(?:number|no\.?)"
    r"|dosya\s(?:no|numaras[ıi]m?)|başvuru\s(?:no|numaras[ıi]m?)|номер\s(?:дела|заявки|справи|заяви)"
    r"|[وب]?رقم\s(?:الملف|المعاملة|الطلب)|شماره\s(?:پرونده|درخواست)|customer\s(?:number|no\.?))"
    r"[^\d\n]{0,40}?"
    r"\b((?=(?:[A-Z./-]*\d){2})[A-Z0-9][A-Z0-9./-]{2,}[A-Z0-9](?:\s(?:[A-Z]{1,4}\s)?\d[\d./-]*\d)?)",
    I,
)
JOBCENTER_CUSTOMER = re.compile(r"\b\d{3}D\d{6}\b|\b\d{5}BG\d{7}\b", I)
RUSSIAN_PHONE = re.compile(r"(?<![\d\w])8\s?\(\d{3}\)\s?\d{3}[-\s]?\d{2}[-\s]?\d{2}(?!\d)")
DICTATED_PHONE = re.compile(r"(?<![\d\w])(?:\+\s?|0\s)(?:\d\s){5,13}\d(?![\d\w])")
BAMF_FILE = re.compile(r"\b\d{7,8}-\d{3}\b")
DATE = re.compile(r"\b(?:\d{1,2}[./-]\d{1,2}[./-](\d{4})|(\d{4})[./-]\d{1,2}[./-]\d{1,2})\b")
MONTHS = (
    "jan|feb|m(?:a|ä)r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz]"  # de, en (prefixes)
    "|ocak|[sş]ubat|mart|nisan|may[ıi]s|haziran|temmuz|a[gğ]ustos|eyl[uü]l|ekim|kas[ıi]m|aral[ıi]k"
    "|январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр"
    "|січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листопад|груд"
    "|yanvar|fevral|aprel|iyun|iyul|avgust|sentyabr|oktyabr|noyabr|dekabr"
    "|كانون|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|آب|أيلول|ايلول|تشرين"
    "|يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر"
    "|فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند"
    "|ژانویه|فوریه|آوریل|مه|ژوئن|ژوئیه|اوت|سپتامبر|اکتبر|نوامبر|دسامبر"
    "|farvardin|ordibehesht|khordad|tir|mordad|shahrivar|mehr|aban|azar|dey|bahman|esfand"
)
DATE_WORDS = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th|\.)?[\s-](?:of\s(?:the\s)?)?(?:{MONTHS})\w*\.?"
    rf"(?:\s(?:الأول|الاول|الثاني))?,?[\s-](\d{{4}})\b"
    rf"|\b(?:{MONTHS})\w*\.?\s\d{{1,2}}(?:st|nd|rd|th)?,?\s(\d{{4}})\b",
    I,
)
BIRTH_AFTER = re.compile(
    r"^\W{0,3}(?:\w+\s)?(?:geboren|do[gğ]umlu|г\.\s?р\.|года\sрождения|року\sнародження"
    r"|born|be\sdonya)",
    I,
)
BIRTH_CONTEXT = re.compile(
    r"geboren|geb\.|geburtsdatum|geburtstag|born|birth|d\.?o\.?b|doğum|dogum|doğdum"
    r"|рожд|родил|народ|تاريخ\s?(?:الميلاد|ميلادي)|ميلادي|مواليد|تولد|متولد|be\sdonya"
    r"|ولد|ولدت|انولد|г\.\s?р\.",
    I,
)
STREET = re.compile(
    r"\b(?-i:[A-ZÄÖÜ][\wäöüß-]*\s)?[\wäöüß-]*(?:stra(?:ß|ss)e|str\.|weg|platz|allee|gasse|ring"
    r"|damm|ufer|chaussee)\s?\d{1,4}\s?[a-z]?\b",
    I,
)
STREET_PREFIXED = re.compile(
    r"\b(?:Am|An der|An den|Auf der|Im|In der|Zum|Zur)\s"
    r"(?!(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Januar|Februar|März"
    r"|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b)"
    r"[A-ZÄÖÜ][\wäöüß-]+\s\d{1,4}\s?[a-z]?\b(?!\s?(?:uhr|h\b|:))"
)
NAME_INTRO = re.compile(
    r"(?:ich\shei(?:ß|ss)e|mein\s(?:vor|nach)?name\sist|my\s(?:first\s|last\s|full\s)?name\sis"
    r"|my\sname's|i\sam\scalled|i'm\scalled|call\sme|\bname\s?:|benim\sad[ıi]m|\bad[ıi]m"
    r"|benim\sismim|\bismim|меня\sзовут|мо[её]\sимя|моя\sфамилия|мене\sзвати|моє\sім[’']я"
    r"|(?:أنا\s|انا\s)?[اإ]سم[يى](?:\sالكامل)?|اسم\sمن|نام\sمن|اسمم"
    r"|\b(?:ana\s)?[ei]smi|\besme\sman|\besmam|\bname\sman|\bmene\szvaty|\bmen[jy]a\szovut"
    r"|\bmo[ey]e?\simya)\s*[:,-]?\s*",
    I,
)
NAME_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*")
NAME_STOP = {
    "und",
    "and",
    "ich",
    "i",
    "bin",
    "am",
    "from",
    "aus",
    "komme",
    "wie",
    "how",
    "what",
    "was",
    "mein",
    "my",
    "ve",
    "ben",
    "и",
    "я",
    "і",
    "та",
    "و",
    "من",
    "است",
    "هست",
    "هستم",
    "هستش",
    "ist",
    "is",
    "habe",
    "have",
    "need",
    "brauche",
    "want",
    "möchte",
    "the",
    "der",
    "die",
    "das",
    "bir",
    "bu",
    "a",
    "an",
    "هو",
    "انا",
    "أنا",
    "از",
    "در",
    "لدي",
    "عندي",
    "y",
    "de",
    "у",
    "из",
    "з",
    "with",
    "mit",
    "please",
    "bitte",
    "lütfen",
    "пожалуйста",
}
NAME_MAX_WORDS = 3
# "I'm …", "ich bin …", "ben …", "я …", "это …": only with two capitalised words,
# so that "ich bin Student" or "I'm from Syria" stay; Persian "من … هستم" by its verb.
CAPITALISED = r"[A-ZÄÖÜÇŞİĞА-ЯЁІЇЄҐ][^\W\d_]+(?:[-'’][^\W\d_]+)?"
RELATIVE_LATIN = re.compile(
    r"\b(?:(?:mein|meine|meinem|meiner)\s(?:sohn|tochter|frau|mann|ehefrau|ehemann|kind|bruder"
    r"|schwester|mutter|vater)(?:\s(?:hei(?:ß|ss)t|namens))?"
    r"|my\s(?:son|daughter|wife|husband|child|brother|sister|mother|father)"
    r"(?:'s\sname\sis|\sis\scalled|\snamed|\sis)?"
    r"|o[gğ]lum|k[ıi]z[ıi]m|e[sş]im|kar[ıi]m|kocam|annem|babam"
    r"|сын|дочь|дочка|жена|муж|мать|отец|брат|сестра|син|донька|дружина|чоловік|мати|батько"
    r"|syn|doch|zhena|muzh|dochka|donka|druzhyna|cholovik)[,:]?"
    rf"\s+((?-i:{CAPITALISED}(?:\s{CAPITALISED}){{0,2}}))",
    I,
)
RELATIVE_ARABIC_SCRIPT = re.compile(
    r"(?<!\S)(?:ابني|بنتي|ابنتي|زوجتي|زوجي|اخي|أخي|اختي|أختي|امي|أمي|ابوي|أبي"
    r"|پسرم|دخترم|همسرم|شوهرم|خانمم|برادرم|خواهرم|مادرم|پدرم)(?:\s(?:اسمها|اسمه|به\sاسم))?"
    r"\s+([^\s،,.:]+(?:\s(?!(?:مواليد|متولد|هم|هست|است|با|تو|در|و|عمره|عمرها|تبعها|تبعه)\b)"
    r"[^\s،,.:]+)?)"
)
NAME_FA = re.compile(r"(?<!\S)(?:من|اینجا)\s+([^\s،,.]+(?:\s[^\s،,.]+){0,2})\s+(?:هستم|هستش)")
NAME_BROAD = re.compile(
    r"(?:\b(?:i'?m|i\sam|this\sis|it'?s|ich\sbin|hier\sist|ben|ana|man|ja)|(?<!\w)(?:я|это|це|тут))"
    rf"\s+((?-i:{CAPITALISED}(?:\s{CAPITALISED}){{1,2}}))",
    I,
)


# Persian and Arabic-Indic digits match like ASCII ones (one character each, so
# offsets into the original text stay valid).
DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
