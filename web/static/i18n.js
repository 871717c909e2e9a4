// UI strings per language. The words are neutral: who held the ground
// ("held by", "control"), never whose claim is right. Quoted source text
// is shown as sourced and is not part of this dictionary.

const en = {
  legApproxLineShort: 'Approximate line, from sourced places',
  legPeacekeepingShort: 'Peacekeeping zone (a presence)',
  legApproxLine: 'Approximate line, from sourced places (dashed): each side’s area is drawn around the places it held',
  legPeacekeeping: 'Russian peacekeeping zone (a presence, not a holder; approximate)',
  splitIntro: 'Split districts (approximate, from sourced places):',
  splitRegion: '{region}: {parts}.',
  splitPart: '{who} held the {dir}',
  splitPartPlace: '{who} held the {dir}, including {place}',
  splitSep: '; ',
  dir_west: 'west', dir_east: 'east', dir_north: 'north', dir_south: 'south',
  dir_northwest: 'north-west', dir_northeast: 'north-east', dir_southwest: 'south-west', dir_southeast: 'south-east',
  placeByDistrict: 'as its district; no event of its own',
  placeIn: 'Place in {district} district',
  legExtentUncertain: 'Extent uncertain: the holder is known, not when its area changed',
  legExtentUncertainShort: 'Extent change not exactly dated',
  extentUncertainList: 'held, but the change of extent is not exactly dated: {list}',
  extentUncertainWord: 'extent change not exactly dated',
  langGo: 'Change language',
  fullDescription: 'Description of the map',
  districtsAndSources: 'Districts and sources',
  imageHelp: 'For pages that run no scripts: the map as an image, linked to this view.',
  themeLabel: 'Embed colours',
  themeLight: 'Light',
  themeDark: 'Dark',
  themeAuto: 'Follow the reader’s system',
  announceChange: 'changed: {list}',
  maplibre: {
    'Map.Title': 'Map',
    'NavigationControl.ZoomIn': 'Zoom in',
    'NavigationControl.ZoomOut': 'Zoom out',
    'NavigationControl.ResetBearing': 'Reset north',
    'CooperativeGesturesHandler.WindowsHelpText': 'Use Ctrl + scroll to zoom the map',
    'CooperativeGesturesHandler.MacHelpText': 'Use ⌘ + scroll to zoom the map',
    'CooperativeGesturesHandler.MobileHelpText': 'Use two fingers to move the map',
  },
  skip: 'Skip to the date controls',
  lede: 'Control of the 12 tracked districts at the end of the chosen day, from a ledger of dated events, each with its sources.',
  language: 'Language',
  mapLabel: 'Map of the districts, coloured by who held them',
  dateControls: 'Date',
  typeDate: 'Date',
  dateHint: 'For example {example}, or day/month/year in digits',
  prev: 'Previous change',
  next: 'Next change',
  play: 'Play through the changes',
  pause: 'Pause',
  slider: 'Date on the timeline',
  district: 'District',
  chooseDistrict: 'Choose a district…',
  legend: 'Legend',
  AZE: 'Azerbaijan',
  ARM: 'Armenian forces',
  legPartial: 'Partly held: stripes show the other side’s part (its location is not mapped)',
  legUncertain: 'Uncertain: the change is not exactly dated',
  legPartialShort: 'Partly held (stripes: other side)',
  legUncertainShort: 'Uncertain date of change',
  legUnknown: 'No data',
  legContext: 'Rest of Azerbaijan (not tracked)',
  legNeighbour: 'Armenia (for orientation)',
  legCount: '{n} of {total}',
  close: 'Close',
  otherNames: 'Names',
  aliases: 'Also written',
  onDate: 'At the end of {date}',
  heldBy: 'held by {who}',
  partly: 'partly',
  partlyHeld: 'held mostly by {who}; {other} held a part',
  uncertainBetween: 'uncertain: {list}',
  noData: 'no data',
  since: 'since {date}',
  history: 'Control history',
  events: 'Events and sources',
  open: 'until now',
  confidence: 'Confidence: {c}',
  conf_high: 'high',
  conf_medium: 'medium',
  conf_low: 'low',
  sources: 'Sources',
  published: 'published {date}',
  via: 'via {via}',
  archived: 'Article text held by the project: {ref}',
  summaryNote: 'Summary (English):',
  scheduled: 'Scheduled: {date}',
  extentNote: 'Extent: {note}',
  share: 'Share and embed',
  linkView: 'Link to this view',
  staticImage: 'Static image',
  embedHelp: 'Copy this code to embed the map at this date; it resizes with the page.',
  copy: 'Copy code',
  copied: 'Copied.',
  copyFailed: 'Select the code and copy it.',
  openFull: 'Open the full map with sources',
  attribution: 'Control: mapsvc ledger (sources per event). Boundaries: Natural Earth (public domain).',
  basemap: 'Basemap: {text}',
  missingLib: 'The map library (MapLibre GL JS) is not installed on this server. In the repository run `make run` (or `npm ci`, then restart mapsvc) and reload this page. The timeline, the description and the sources work without it.',
  mapFailed: 'The map could not be drawn in this browser ({msg}). The timeline, the description and the sources below still work.',
  loadFailed: 'The data could not be loaded ({msg}). Reload the page to try again.',
  loading: 'Loading…',
  // Description under the map.
  atEnd: 'At the end of {date}',
  heldCount: 'held by {who}: {n} of {total} districts',
  inPart: 'in part: {list}',
  uncertainList: 'uncertain (the change is not exactly dated): {list}',
  unknownList: 'no data: {list}',
  latestChange: 'Latest change, on {date}: {list}',
  noChangeYet: 'No change of control recorded before this date.',
  arrow: '→',
  listSep: ', ',
  sentenceSep: '. ',
  kinds: {
    baseline: 'Starting point of the record',
    military_capture: 'Taken in fighting',
    handover_by_agreement: 'Handed over by agreement',
    capitulation: 'Capitulation',
    withdrawal: 'Withdrawal',
    ceasefire: 'Ceasefire',
    offensive_start: 'Start of an offensive',
    symbolic_flag: 'Flag raising',
    political: 'Political event',
    administrative: 'Administrative change',
    peacekeeper_deployment: 'Peacekeepers deployed',
    peacekeeper_withdrawal: 'Peacekeepers withdrawn',
    corridor_access: 'Corridor access',
  },
};

const ar = {
  legApproxLineShort: 'خط تقريبي من أماكن موثّقة المصادر',
  legPeacekeepingShort: 'منطقة حفظ السلام (وجود)',
  legApproxLine: 'خط تقريبي مستخلص من أماكن موثّقة المصادر (متقطّع): تُرسم منطقة كل طرف حول الأماكن التي سيطر عليها',
  legPeacekeeping: 'منطقة قوات حفظ السلام الروسية (وجود لا سيطرة؛ تقريبية)',
  splitIntro: 'المقاطعات المقسّمة (تقريبياً، استناداً إلى أماكن موثّقة المصادر):',
  splitRegion: '{region}: {parts}.',
  splitPart: 'سيطرت {who} على {dir}',
  splitPartPlace: 'سيطرت {who} على {dir}، بما في ذلك {place}',
  splitSep: '؛ ',
  dir_west: 'الجزء الغربي', dir_east: 'الجزء الشرقي', dir_north: 'الجزء الشمالي', dir_south: 'الجزء الجنوبي',
  dir_northwest: 'الجزء الشمالي الغربي', dir_northeast: 'الجزء الشمالي الشرقي', dir_southwest: 'الجزء الجنوبي الغربي', dir_southeast: 'الجزء الجنوبي الشرقي',
  placeByDistrict: 'تبعاً لمقاطعته؛ لا حدث خاصاً به',
  placeIn: 'مكان في مقاطعة {district}',
  legExtentUncertain: 'النطاق غير مؤكد: الجهة المسيطرة معروفة، أما تاريخ تغيّر المساحة فغير محدد',
  legExtentUncertainShort: 'تاريخ تغيّر النطاق غير محدد',
  extentUncertainList: 'الجهة المسيطرة معروفة لكن تاريخ تغيّر النطاق غير محدد بدقة: {list}',
  extentUncertainWord: 'تاريخ تغيّر النطاق غير محدد',
  langGo: 'تغيير اللغة',
  fullDescription: 'وصف الخريطة',
  districtsAndSources: 'المناطق والمصادر',
  imageHelp: 'للصفحات التي لا تشغّل نصوصاً برمجية: الخريطة صورةً مع رابط إلى هذا العرض.',
  themeLabel: 'ألوان الخريطة المضمّنة',
  themeLight: 'فاتحة',
  themeDark: 'داكنة',
  themeAuto: 'حسب إعداد نظام القارئ',
  announceChange: 'تغيّرت: {list}',
  maplibre: {
    'Map.Title': 'خريطة',
    'NavigationControl.ZoomIn': 'تكبير',
    'NavigationControl.ZoomOut': 'تصغير',
    'NavigationControl.ResetBearing': 'إعادة الشمال إلى الأعلى',
    'CooperativeGesturesHandler.WindowsHelpText': 'استخدم Ctrl مع التمرير لتكبير الخريطة',
    'CooperativeGesturesHandler.MacHelpText': 'استخدم ⌘ مع التمرير لتكبير الخريطة',
    'CooperativeGesturesHandler.MobileHelpText': 'استخدم إصبعين لتحريك الخريطة',
  },
  skip: 'انتقل إلى أدوات التاريخ',
  lede: 'السيطرة على المناطق الاثنتي عشرة المتابَعة في نهاية اليوم المختار، استناداً إلى سجل أحداث مؤرخة لكل منها مصادرها.',
  language: 'اللغة',
  mapLabel: 'خريطة المناطق ملوّنة بحسب الجهة المسيطرة',
  dateControls: 'التاريخ',
  typeDate: 'التاريخ',
  dateHint: 'مثلاً {example}، أو اليوم/الشهر/السنة بالأرقام',
  prev: 'التغيير السابق',
  next: 'التغيير التالي',
  play: 'تشغيل التغييرات بالتتابع',
  pause: 'إيقاف مؤقت',
  slider: 'التاريخ على الخط الزمني',
  district: 'المنطقة',
  chooseDistrict: 'اختر منطقة…',
  legend: 'مفتاح الخريطة',
  AZE: 'أذربيجان',
  ARM: 'القوات الأرمنية',
  legPartial: 'سيطرة جزئية: الخطوط تمثّل جزء الطرف الآخر (موقعه غير محدد على الخريطة)',
  legUncertain: 'غير مؤكد: تاريخ التغيير غير محدد بدقة',
  legPartialShort: 'سيطرة جزئية (الخطوط: الطرف الآخر)',
  legUncertainShort: 'تاريخ تغيير غير مؤكد',
  legUnknown: 'لا توجد بيانات',
  legContext: 'بقية أذربيجان (خارج المتابعة)',
  legNeighbour: 'أرمينيا (للتوضيح)',
  legCount: '{n} من {total}',
  close: 'إغلاق',
  otherNames: 'الأسماء',
  aliases: 'تُكتب أيضاً',
  onDate: 'في نهاية يوم {date}',
  heldBy: 'تحت سيطرة {who}',
  partly: 'جزئياً',
  partlyHeld: 'معظمها تحت سيطرة {who}، وجزء منها تحت سيطرة {other}',
  uncertainBetween: 'غير مؤكد: {list}',
  noData: 'لا توجد بيانات',
  since: 'منذ {date}',
  history: 'سجل السيطرة',
  events: 'الأحداث والمصادر',
  open: 'حتى الآن',
  confidence: 'درجة الثقة: {c}',
  conf_high: 'عالية',
  conf_medium: 'متوسطة',
  conf_low: 'منخفضة',
  sources: 'المصادر',
  published: 'نُشر في {date}',
  via: 'عبر {via}',
  archived: 'نص المقال محفوظ لدى المشروع: {ref}',
  summaryNote: 'الملخص (بالإنجليزية):',
  scheduled: 'الموعد المقرر: {date}',
  extentNote: 'النطاق: {note}',
  share: 'المشاركة والتضمين',
  linkView: 'رابط هذا العرض',
  staticImage: 'صورة ثابتة',
  embedHelp: 'انسخ هذه الشيفرة لتضمين الخريطة في هذا التاريخ؛ يتغير حجمها مع الصفحة.',
  copy: 'نسخ الشيفرة',
  copied: 'تم النسخ.',
  copyFailed: 'حدّد الشيفرة وانسخها.',
  openFull: 'افتح الخريطة الكاملة مع المصادر',
  attribution: 'السيطرة: سجل mapsvc (المصادر لكل حدث). الحدود: Natural Earth (ملكية عامة).',
  basemap: 'الخريطة الأساسية: {text}',
  missingLib: 'مكتبة الخرائط (MapLibre GL JS) غير مثبتة على هذا الخادم. شغّل في المستودع الأمر `make run` (أو `npm ci` ثم أعد تشغيل mapsvc) وأعد تحميل الصفحة. يعمل الخط الزمني والوصف والمصادر من دونها.',
  mapFailed: 'تعذّر رسم الخريطة في هذا المتصفح ({msg}). ما زال الخط الزمني والوصف والمصادر تعمل.',
  loadFailed: 'تعذّر تحميل البيانات ({msg}). أعد تحميل الصفحة للمحاولة مجدداً.',
  loading: 'جارٍ التحميل…',
  atEnd: 'في نهاية يوم {date}',
  heldCount: 'تحت سيطرة {who}: {n} من أصل {total} منطقة',
  inPart: 'جزئياً: {list}',
  uncertainList: 'غير مؤكد (تاريخ التغيير غير محدد بدقة): {list}',
  unknownList: 'لا توجد بيانات: {list}',
  latestChange: 'آخر تغيير، في {date}: {list}',
  noChangeYet: 'لم يُسجَّل أي تغيير في السيطرة قبل هذا التاريخ.',
  arrow: '←',
  listSep: '، ',
  sentenceSep: '. ',
  kinds: {
    baseline: 'نقطة بداية السجل',
    military_capture: 'سيطرة خلال القتال',
    handover_by_agreement: 'تسليم بموجب اتفاق',
    capitulation: 'استسلام',
    withdrawal: 'انسحاب',
    ceasefire: 'وقف إطلاق النار',
    offensive_start: 'بدء هجوم',
    symbolic_flag: 'رفع علم',
    political: 'حدث سياسي',
    administrative: 'تغيير إداري',
    peacekeeper_deployment: 'نشر قوات حفظ السلام',
    peacekeeper_withdrawal: 'انسحاب قوات حفظ السلام',
    corridor_access: 'العبور في الممر',
  },
};

const az = {
  legApproxLineShort: 'Təqribi xətt, mənbəli məntəqələrə görə',
  legPeacekeepingShort: 'Sülhməramlı zonası (mövcudluq)',
  legApproxLine: 'Təqribi xətt, mənbəli yaşayış məntəqələrinə görə (qırıq xətt): hər tərəfin sahəsi nəzarət etdiyi məntəqələrin ətrafında çəkilir',
  legPeacekeeping: 'Rusiya sülhməramlılarının zonası (mövcudluq, nəzarət deyil; təqribi)',
  splitIntro: 'Bölünmüş rayonlar (təqribi, mənbəli yaşayış məntəqələrinə görə):',
  splitRegion: '{region}: {parts}.',
  splitPart: '{dir} — {who}',
  splitPartPlace: '{dir} ({place} daxil olmaqla) — {who}',
  splitSep: '; ',
  dir_west: 'qərb hissəsi', dir_east: 'şərq hissəsi', dir_north: 'şimal hissəsi', dir_south: 'cənub hissəsi',
  dir_northwest: 'şimal-qərb hissəsi', dir_northeast: 'şimal-şərq hissəsi', dir_southwest: 'cənub-qərb hissəsi', dir_southeast: 'cənub-şərq hissəsi',
  placeByDistrict: 'rayonu kimi; ayrıca hadisə yoxdur',
  placeIn: '{district} rayonunda məntəqə',
  legExtentUncertain: 'Əhatə qeyri-müəyyən: nəzarət edən tərəf məlumdur, ərazinin dəyişmə tarixi isə yox',
  legExtentUncertainShort: 'Əhatənin dəyişmə tarixi dəqiq deyil',
  extentUncertainList: 'nəzarət edən tərəf məlumdur, əhatənin dəyişmə tarixi dəqiq deyil: {list}',
  extentUncertainWord: 'əhatənin dəyişmə tarixi dəqiq deyil',
  langGo: 'Dili dəyiş',
  fullDescription: 'Xəritənin təsviri',
  districtsAndSources: 'Rayonlar və mənbələr',
  imageHelp: 'Skript işlətməyən səhifələr üçün: bu görünüşə keçidli şəkil kimi xəritə.',
  themeLabel: 'Yerləşdirilmiş xəritənin rəngləri',
  themeLight: 'Açıq',
  themeDark: 'Tünd',
  themeAuto: 'Oxucunun sistem ayarına uyğun',
  announceChange: 'dəyişdi: {list}',
  maplibre: {
    'Map.Title': 'Xəritə',
    'NavigationControl.ZoomIn': 'Yaxınlaşdır',
    'NavigationControl.ZoomOut': 'Uzaqlaşdır',
    'NavigationControl.ResetBearing': 'Şimalı yuxarı qaytar',
    'CooperativeGesturesHandler.WindowsHelpText': 'Xəritəni böyütmək üçün Ctrl + sürüşdürmədən istifadə edin',
    'CooperativeGesturesHandler.MacHelpText': 'Xəritəni böyütmək üçün ⌘ + sürüşdürmədən istifadə edin',
    'CooperativeGesturesHandler.MobileHelpText': 'Xəritəni hərəkət etdirmək üçün iki barmaqdan istifadə edin',
  },
  skip: 'Tarix idarəetməsinə keç',
  lede: 'Seçilmiş günün sonuna izlənilən 12 rayona nəzarət — hər biri mənbələrlə təsdiqlənmiş, tarixli hadisələr reyestrinə əsasən.',
  language: 'Dil',
  mapLabel: 'Rayonların xəritəsi, nəzarət edən tərəfə görə rənglənib',
  dateControls: 'Tarix',
  typeDate: 'Tarix',
  dateHint: 'Məsələn, {example} və ya rəqəmlərlə gün/ay/il',
  prev: 'Əvvəlki dəyişiklik',
  next: 'Növbəti dəyişiklik',
  play: 'Dəyişiklikləri ardıcıl göstər',
  pause: 'Dayandır',
  slider: 'Zaman şkalasında tarix',
  district: 'Rayon',
  chooseDistrict: 'Rayon seçin…',
  legend: 'Şərti işarələr',
  AZE: 'Azərbaycan',
  ARM: 'Erməni qüvvələri',
  legPartial: 'Qismən nəzarət: zolaqlar digər tərəfin hissəsini göstərir (yeri xəritədə verilmir)',
  legUncertain: 'Qeyri-müəyyən: dəyişikliyin tarixi dəqiq deyil',
  legPartialShort: 'Qismən (zolaqlar: digər tərəf)',
  legUncertainShort: 'Dəyişiklik tarixi qeyri-müəyyən',
  legUnknown: 'Məlumat yoxdur',
  legContext: 'Azərbaycanın qalan hissəsi (izlənilmir)',
  legNeighbour: 'Ermənistan (istiqamət üçün)',
  legCount: '{total}-dən {n}',
  close: 'Bağla',
  otherNames: 'Adlar',
  aliases: 'Digər yazılışlar',
  onDate: '{date} tarixinin sonunda',
  heldBy: 'nəzarət: {who}',
  partly: 'qismən',
  partlyHeld: 'əsas hissəsi {who} nəzarətində; bir hissəsi {other} nəzarətində',
  uncertainBetween: 'qeyri-müəyyən: {list}',
  noData: 'məlumat yoxdur',
  since: '{date} tarixindən',
  history: 'Nəzarət tarixçəsi',
  events: 'Hadisələr və mənbələr',
  open: 'indiyədək',
  confidence: 'Etibarlılıq: {c}',
  conf_high: 'yüksək',
  conf_medium: 'orta',
  conf_low: 'aşağı',
  sources: 'Mənbələr',
  published: 'dərc olunub: {date}',
  via: 'vasitəsilə: {via}',
  archived: 'Məqalənin mətni layihədə saxlanılır: {ref}',
  summaryNote: 'Xülasə (ingiliscə):',
  scheduled: 'Planlaşdırılmış tarix: {date}',
  extentNote: 'Əhatə: {note}',
  share: 'Paylaş və yerləşdir',
  linkView: 'Bu görünüşün linki',
  staticImage: 'Statik şəkil',
  embedHelp: 'Xəritəni bu tarixlə yerləşdirmək üçün bu kodu köçürün; ölçüsü səhifəyə uyğunlaşır.',
  copy: 'Kodu köçür',
  copied: 'Köçürüldü.',
  copyFailed: 'Kodu seçib köçürün.',
  openFull: 'Mənbələrlə tam xəritəni aç',
  attribution: 'Nəzarət: mapsvc reyestri (hər hadisə üçün mənbələr). Sərhədlər: Natural Earth (ictimai mülkiyyət).',
  basemap: 'Əsas xəritə: {text}',
  missingLib: 'Xəritə kitabxanası (MapLibre GL JS) bu serverdə quraşdırılmayıb. Repozitoriyada `make run` (və ya `npm ci`, sonra mapsvc-ni yenidən başladın) işlədin və səhifəni yeniləyin. Zaman şkalası, təsvir və mənbələr onsuz da işləyir.',
  mapFailed: 'Xəritəni bu brauzerdə çəkmək mümkün olmadı ({msg}). Zaman şkalası, təsvir və mənbələr işləyir.',
  loadFailed: 'Məlumatları yükləmək mümkün olmadı ({msg}). Yenidən cəhd üçün səhifəni yeniləyin.',
  loading: 'Yüklənir…',
  atEnd: '{date} tarixinin sonunda',
  heldCount: '{who} nəzarətində: {total} rayondan {n}',
  inPart: 'qismən: {list}',
  uncertainList: 'qeyri-müəyyən (dəyişikliyin tarixi dəqiq deyil): {list}',
  unknownList: 'məlumat yoxdur: {list}',
  latestChange: 'Son dəyişiklik, {date}: {list}',
  noChangeYet: 'Bu tarixdən əvvəl nəzarət dəyişikliyi qeydə alınmayıb.',
  arrow: '→',
  listSep: ', ',
  sentenceSep: '. ',
  kinds: {
    baseline: 'Reyestrin başlanğıc nöqtəsi',
    military_capture: 'Döyüşdə ələ keçirilib',
    handover_by_agreement: 'Razılaşma ilə təhvil verilib',
    capitulation: 'Kapitulyasiya',
    withdrawal: 'Geri çəkilmə',
    ceasefire: 'Atəşkəs',
    offensive_start: 'Hücumun başlanması',
    symbolic_flag: 'Bayrağın qaldırılması',
    political: 'Siyasi hadisə',
    administrative: 'İnzibati dəyişiklik',
    peacekeeper_deployment: 'Sülhməramlıların yerləşdirilməsi',
    peacekeeper_withdrawal: 'Sülhməramlıların çıxarılması',
    corridor_access: 'Dəhlizdən keçid',
  },
};

const ru = {
  legApproxLineShort: 'Приблизительная линия, по пунктам с источниками',
  legPeacekeepingShort: 'Зона миротворцев (присутствие)',
  legApproxLine: 'Приблизительная линия по населённым пунктам с источниками (пунктир): область каждой стороны строится вокруг её пунктов',
  legPeacekeeping: 'Зона российских миротворцев (присутствие, не контроль; приблизительно)',
  splitIntro: 'Разделённые районы (приблизительно, по населённым пунктам с источниками):',
  splitRegion: '{region}: {parts}.',
  splitPart: '{dir} — {who}',
  splitPartPlace: '{dir} (в том числе {place}) — {who}',
  splitSep: '; ',
  dir_west: 'западная часть', dir_east: 'восточная часть', dir_north: 'северная часть', dir_south: 'южная часть',
  dir_northwest: 'северо-западная часть', dir_northeast: 'северо-восточная часть', dir_southwest: 'юго-западная часть', dir_southeast: 'юго-восточная часть',
  placeByDistrict: 'как его район; собственных событий нет',
  placeIn: 'Населённый пункт, район {district}',
  legExtentUncertain: 'Охват неясен: сторона известна, дата изменения площади — нет',
  legExtentUncertainShort: 'Дата изменения охвата неточна',
  extentUncertainList: 'сторона известна, но дата изменения охвата известна неточно: {list}',
  extentUncertainWord: 'дата изменения охвата неточна',
  langGo: 'Сменить язык',
  fullDescription: 'Описание карты',
  districtsAndSources: 'Районы и источники',
  imageHelp: 'Для страниц без скриптов: карта в виде изображения со ссылкой на этот вид.',
  themeLabel: 'Цвета встроенной карты',
  themeLight: 'Светлые',
  themeDark: 'Тёмные',
  themeAuto: 'Как в системе читателя',
  announceChange: 'изменилось: {list}',
  maplibre: {
    'Map.Title': 'Карта',
    'NavigationControl.ZoomIn': 'Приблизить',
    'NavigationControl.ZoomOut': 'Отдалить',
    'NavigationControl.ResetBearing': 'Вернуть север наверх',
    'CooperativeGesturesHandler.WindowsHelpText': 'Чтобы изменить масштаб карты, используйте Ctrl + прокрутку',
    'CooperativeGesturesHandler.MacHelpText': 'Чтобы изменить масштаб карты, используйте ⌘ + прокрутку',
    'CooperativeGesturesHandler.MobileHelpText': 'Чтобы переместить карту, используйте два пальца',
  },
  skip: 'Перейти к выбору даты',
  lede: 'Контроль над 12 отслеживаемыми районами на конец выбранного дня — по реестру датированных событий, у каждого из которых указаны источники.',
  language: 'Язык',
  mapLabel: 'Карта районов, окрашенных по тому, кто их контролировал',
  dateControls: 'Дата',
  typeDate: 'Дата',
  dateHint: 'Например, {example} или день/месяц/год цифрами',
  prev: 'Предыдущее изменение',
  next: 'Следующее изменение',
  play: 'Показать изменения по порядку',
  pause: 'Пауза',
  slider: 'Дата на шкале времени',
  district: 'Район',
  chooseDistrict: 'Выберите район…',
  legend: 'Условные обозначения',
  AZE: 'Азербайджан',
  ARM: 'Армянские силы',
  legPartial: 'Частичный контроль: штриховка — часть другой стороны (её расположение не показано)',
  legUncertain: 'Неясно: дата перехода известна неточно',
  legPartialShort: 'Частично (штриховка: другая сторона)',
  legUncertainShort: 'Дата перехода неточна',
  legUnknown: 'Нет данных',
  legContext: 'Остальная часть Азербайджана (не отслеживается)',
  legNeighbour: 'Армения (для ориентира)',
  legCount: '{n} из {total}',
  close: 'Закрыть',
  otherNames: 'Названия',
  aliases: 'Другие написания',
  onDate: 'На конец дня {date}',
  heldBy: 'под контролем: {who}',
  partly: 'частично',
  partlyHeld: 'бо́льшая часть под контролем: {who}; часть — {other}',
  uncertainBetween: 'неясно: {list}',
  noData: 'нет данных',
  since: 'с {date}',
  history: 'История контроля',
  events: 'События и источники',
  open: 'по сей день',
  confidence: 'Достоверность: {c}',
  conf_high: 'высокая',
  conf_medium: 'средняя',
  conf_low: 'низкая',
  sources: 'Источники',
  published: 'опубликовано {date}',
  via: 'через {via}',
  archived: 'Текст статьи хранится в проекте: {ref}',
  summaryNote: 'Краткое описание (на английском):',
  scheduled: 'Запланированная дата: {date}',
  extentNote: 'Охват: {note}',
  share: 'Поделиться и встроить',
  linkView: 'Ссылка на этот вид',
  staticImage: 'Статичное изображение',
  embedHelp: 'Скопируйте этот код, чтобы встроить карту на эту дату; она подстраивается под ширину страницы.',
  copy: 'Скопировать код',
  copied: 'Скопировано.',
  copyFailed: 'Выделите код и скопируйте его.',
  openFull: 'Открыть полную карту с источниками',
  attribution: 'Контроль: реестр mapsvc (источники по каждому событию). Границы: Natural Earth (общественное достояние).',
  basemap: 'Подложка: {text}',
  missingLib: 'Библиотека карт (MapLibre GL JS) не установлена на этом сервере. В репозитории выполните `make run` (или `npm ci`, затем перезапустите mapsvc) и обновите страницу. Шкала времени, описание и источники работают и без неё.',
  mapFailed: 'Не удалось нарисовать карту в этом браузере ({msg}). Шкала времени, описание и источники работают.',
  loadFailed: 'Не удалось загрузить данные ({msg}). Обновите страницу, чтобы попробовать снова.',
  loading: 'Загрузка…',
  atEnd: 'На конец дня {date}',
  heldCount: 'под контролем стороны «{who}»: {n} из {total} районов',
  inPart: 'частично: {list}',
  uncertainList: 'неясно (дата перехода известна неточно): {list}',
  unknownList: 'нет данных: {list}',
  latestChange: 'Последнее изменение, {date}: {list}',
  noChangeYet: 'До этой даты смен контроля не зафиксировано.',
  arrow: '→',
  listSep: ', ',
  sentenceSep: '. ',
  kinds: {
    baseline: 'Исходная точка реестра',
    military_capture: 'Взят в ходе боёв',
    handover_by_agreement: 'Передан по соглашению',
    capitulation: 'Капитуляция',
    withdrawal: 'Отход',
    ceasefire: 'Прекращение огня',
    offensive_start: 'Начало наступления',
    symbolic_flag: 'Поднятие флага',
    political: 'Политическое событие',
    administrative: 'Административное изменение',
    peacekeeper_deployment: 'Ввод миротворцев',
    peacekeeper_withdrawal: 'Вывод миротворцев',
    corridor_access: 'Проезд по коридору',
  },
};

const hy = {
  legApproxLineShort: 'Մոտավոր գիծ՝ ըստ աղբյուրներով բնակավայրերի',
  legPeacekeepingShort: 'Խաղաղապահ գոտի (ներկայություն)',
  legApproxLine: 'Մոտավոր գիծ՝ ըստ աղբյուրներով հաստատված բնակավայրերի (կետագիծ). յուրաքանչյուր կողմի տարածքը գծվում է նրա բնակավայրերի շուրջ',
  legPeacekeeping: 'Ռուս խաղաղապահների գոտի (ներկայություն, ոչ վերահսկողություն. մոտավոր)',
  splitIntro: 'Բաժանված շրջաններ (մոտավոր, ըստ աղբյուրներով հաստատված բնակավայրերի)։',
  splitRegion: '{region}. {parts}։',
  splitPart: '{dir}՝ {who}',
  splitPartPlace: '{dir} (այդ թվում՝ {place})՝ {who}',
  splitSep: '; ',
  dir_west: 'արևմտյան մասը', dir_east: 'արևելյան մասը', dir_north: 'հյուսիսային մասը', dir_south: 'հարավային մասը',
  dir_northwest: 'հյուսիս-արևմտյան մասը', dir_northeast: 'հյուսիս-արևելյան մասը', dir_southwest: 'հարավ-արևմտյան մասը', dir_southeast: 'հարավ-արևելյան մասը',
  placeByDistrict: 'ըստ իր շրջանի. սեփական իրադարձություն չկա',
  placeIn: 'Բնակավայր, {district} շրջան',
  legExtentUncertain: 'Ընդգրկումն անորոշ է. վերահսկող կողմը հայտնի է, տարածքի փոփոխման ամսաթիվը՝ ոչ',
  legExtentUncertainShort: 'Ընդգրկման փոփոխման ամսաթիվն անորոշ է',
  extentUncertainList: 'վերահսկող կողմը հայտնի է, բայց ընդգրկման փոփոխման ամսաթիվը ճշգրիտ չէ՝ {list}',
  extentUncertainWord: 'ընդգրկման փոփոխման ամսաթիվն անորոշ է',
  langGo: 'Փոխել լեզուն',
  fullDescription: 'Քարտեզի նկարագրությունը',
  districtsAndSources: 'Շրջաններ և աղբյուրներ',
  imageHelp: 'Սկրիպտներ չգործարկող էջերի համար՝ քարտեզը որպես պատկեր՝ այս տեսքի հղումով։',
  themeLabel: 'Ներդրված քարտեզի գույները',
  themeLight: 'Բաց',
  themeDark: 'Մուգ',
  themeAuto: 'Ըստ ընթերցողի համակարգի',
  announceChange: 'փոխվել է՝ {list}',
  maplibre: {
    'Map.Title': 'Քարտեզ',
    'NavigationControl.ZoomIn': 'Մեծացնել',
    'NavigationControl.ZoomOut': 'Փոքրացնել',
    'NavigationControl.ResetBearing': 'Հյուսիսը վերև',
    'CooperativeGesturesHandler.WindowsHelpText': 'Քարտեզը մեծացնելու համար օգտագործեք Ctrl + ոլորում',
    'CooperativeGesturesHandler.MacHelpText': 'Քարտեզը մեծացնելու համար օգտագործեք ⌘ + ոլորում',
    'CooperativeGesturesHandler.MobileHelpText': 'Քարտեզը տեղաշարժելու համար օգտագործեք երկու մատ',
  },
  skip: 'Անցնել ամսաթվի կառավարմանը',
  lede: 'Վերահսկողությունը 12 դիտարկվող շրջանների վրա ընտրված օրվա վերջի դրությամբ՝ ըստ թվագրված իրադարձությունների մատյանի, որոնցից յուրաքանչյուրն ունի իր աղբյուրները։',
  language: 'Լեզու',
  mapLabel: 'Շրջանների քարտեզ՝ գունավորված ըստ վերահսկող կողմի',
  dateControls: 'Ամսաթիվ',
  typeDate: 'Ամսաթիվ',
  dateHint: 'Օրինակ՝ {example}, կամ թվերով՝ օր/ամիս/տարի',
  prev: 'Նախորդ փոփոխությունը',
  next: 'Հաջորդ փոփոխությունը',
  play: 'Ցույց տալ փոփոխությունները հերթով',
  pause: 'Դադար',
  slider: 'Ամսաթիվը ժամանակագծի վրա',
  district: 'Շրջան',
  chooseDistrict: 'Ընտրեք շրջանը…',
  legend: 'Պայմանական նշաններ',
  AZE: 'Ադրբեջան',
  ARM: 'Հայկական ուժեր',
  legPartial: 'Մասնակի վերահսկողություն. գծերը ցույց են տալիս մյուս կողմի մասը (դրա տեղը քարտեզում նշված չէ)',
  legUncertain: 'Անորոշ. փոփոխության ամսաթիվը ճշգրիտ հայտնի չէ',
  legPartialShort: 'Մասնակի (գծեր՝ մյուս կողմը)',
  legUncertainShort: 'Փոփոխության ամսաթիվն անորոշ է',
  legUnknown: 'Տվյալներ չկան',
  legContext: 'Ադրբեջանի մնացած մասը (չի դիտարկվում)',
  legNeighbour: 'Հայաստան (կողմնորոշման համար)',
  legCount: '{n}՝ {total}-ից',
  close: 'Փակել',
  otherNames: 'Անվանումներ',
  aliases: 'Այլ գրելաձևեր',
  onDate: '{date} օրվա վերջի դրությամբ',
  heldBy: 'վերահսկողություն՝ {who}',
  partly: 'մասնակի',
  partlyHeld: 'մեծ մասը՝ {who}, մի մասը՝ {other}',
  uncertainBetween: 'անորոշ՝ {list}',
  noData: 'տվյալներ չկան',
  since: '{date}-ից',
  history: 'Վերահսկողության պատմություն',
  events: 'Իրադարձություններ և աղբյուրներ',
  open: 'մինչ այժմ',
  confidence: 'Վստահելիություն՝ {c}',
  conf_high: 'բարձր',
  conf_medium: 'միջին',
  conf_low: 'ցածր',
  sources: 'Աղբյուրներ',
  published: 'հրապարակվել է՝ {date}',
  via: '{via}-ի միջոցով',
  archived: 'Հոդվածի տեքստը պահվում է նախագծում՝ {ref}',
  summaryNote: 'Ամփոփում (անգլերեն).',
  scheduled: 'Նախատեսված ամսաթիվ՝ {date}',
  extentNote: 'Ընդգրկում՝ {note}',
  share: 'Կիսվել և ներդնել',
  linkView: 'Այս տեսքի հղումը',
  staticImage: 'Ստատիկ պատկեր',
  embedHelp: 'Պատճենեք այս կոդը՝ քարտեզը այս ամսաթվով ներդնելու համար. այն հարմարվում է էջի չափին։',
  copy: 'Պատճենել կոդը',
  copied: 'Պատճենված է։',
  copyFailed: 'Ընտրեք կոդը և պատճենեք։',
  openFull: 'Բացել ամբողջական քարտեզը աղբյուրներով',
  attribution: 'Վերահսկողություն. mapsvc մատյան (աղբյուրները՝ ըստ իրադարձության)։ Սահմաններ. Natural Earth (հանրային սեփականություն)։',
  basemap: 'Հիմքային քարտեզ՝ {text}',
  missingLib: 'Քարտեզի գրադարանը (MapLibre GL JS) տեղադրված չէ այս սերվերում։ Պահոցում գործարկեք `make run` (կամ `npm ci`, ապա վերագործարկեք mapsvc-ն) և թարմացրեք էջը։ Ժամանակագիծը, նկարագրությունը և աղբյուրներն աշխատում են առանց դրա։',
  mapFailed: 'Չհաջողվեց քարտեզը գծել այս դիտարկիչում ({msg})։ Ժամանակագիծը, նկարագրությունը և աղբյուրներն աշխատում են։',
  loadFailed: 'Չհաջողվեց բեռնել տվյալները ({msg})։ Թարմացրեք էջը՝ կրկին փորձելու համար։',
  loading: 'Բեռնվում է…',
  atEnd: '{date} օրվա վերջի դրությամբ',
  heldCount: 'վերահսկողություն՝ {who}. {total} շրջանից {n}',
  inPart: 'մասնակի՝ {list}',
  uncertainList: 'անորոշ (փոփոխության ամսաթիվը ճշգրիտ չէ)՝ {list}',
  unknownList: 'տվյալներ չկան՝ {list}',
  latestChange: 'Վերջին փոփոխությունը՝ {date}. {list}',
  noChangeYet: 'Մինչ այս ամսաթիվը վերահսկողության փոփոխություն չի գրանցվել։',
  arrow: '→',
  listSep: ', ',
  sentenceSep: '։ ',
  kinds: {
    baseline: 'Մատյանի մեկնակետը',
    military_capture: 'Գրավվել է մարտերում',
    handover_by_agreement: 'Հանձնվել է համաձայնությամբ',
    capitulation: 'Կապիտուլյացիա',
    withdrawal: 'Նահանջ',
    ceasefire: 'Հրադադար',
    offensive_start: 'Հարձակման սկիզբ',
    symbolic_flag: 'Դրոշի բարձրացում',
    political: 'Քաղաքական իրադարձություն',
    administrative: 'Վարչական փոփոխություն',
    peacekeeper_deployment: 'Խաղաղապահների տեղակայում',
    peacekeeper_withdrawal: 'Խաղաղապահների դուրսբերում',
    corridor_access: 'Միջանցքով անցում',
  },
};

export const dictionaries = { en, ar, az, ru, hy };
export const languages = ['en', 'ar', 'az', 'ru', 'hy'];

// translator returns t(key, vars) for lang, falling back to English.
export function translator(lang) {
  const d = dictionaries[lang] || en;
  const t = (key, vars = {}) => {
    let s = d[key] ?? en[key] ?? key;
    if (typeof s !== 'string') return s;
    return s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
  };
  t.kind = (k) => (d.kinds && d.kinds[k]) || en.kinds[k] || k;
  t.lang = lang in dictionaries ? lang : 'en';
  return t;
}

// Dates are written with the project's own month names and layouts,
// which the server puts on the page (the static map uses the same ones):
// browsers lack Azerbaijani and Armenian month names, and "2020 M11 25"
// is not a date a reader should see. Digits are Latin, as on the slider.
const MS_DAY = 86400000;
let words = null;

// setDateWords takes {months, months_alone, day, month} from the page.
export function setDateWords(w) {
  if (w && Array.isArray(w.months) && w.months.length === 12 && w.day && w.month) words = w;
}

function parts(day) {
  const d = new Date(day * MS_DAY);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth(), d: d.getUTCDate() };
}

function fill(layout, vals) {
  return layout.replace(/\{([dmy])\}/g, (_, k) => String(vals[k]));
}

// Without the page's words (never on the served page) English stands in.
const englishWords = {
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  day: '{d} {m} {y}', month: '{m} {y}',
};

export function formatDay(day, lang) {
  const w = words || englishWords;
  const p = parts(day);
  return fill(w.day, { d: p.d, m: w.months[p.m], y: p.y });
}

function formatMonth(day) {
  const w = words || englishWords;
  const p = parts(day);
  return fill(w.month, { m: (w.months_alone || w.months)[p.m], y: p.y });
}

// formatEventDate writes an event's date as its sources give it: a day, a
// month, a year or a window of days.
export function formatEventDate(ev, lang) {
  const first = parseDay(ev.date_first);
  const last = parseDay(ev.date_last);
  switch (ev.date_precision) {
    case 'year':
      return String(parts(first).y);
    case 'month':
      return formatMonth(first);
    case 'range':
      return `${formatDay(first, lang)} – ${formatDay(last, lang)}`;
    default:
      return formatDay(first, lang);
  }
}

// formatISO writes a YYYY-MM-DD string (a source's publication date) in
// the page language; anything else is shown as given.
export function formatISO(s, lang) {
  const d = parseDay(s);
  return Number.isNaN(d) ? s : formatDay(d, lang);
}

// parseDay turns YYYY-MM-DD into days since 1970-01-01, or NaN.
export function parseDay(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || '');
  if (!m) return NaN;
  const t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  const d = new Date(t);
  if (d.getUTCFullYear() !== +m[1] || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) return NaN;
  return Math.round(t / MS_DAY);
}

// parseTypedDate reads a date a reader typed into the date field, in the
// page's own words: "25 November 2020", "25 نوفمبر 2020", "2020 թ.
// նոյեմբերի 25" (any order of day, month name and year; a month name may
// be shortened to its first three letters or more), day/month/year in
// digits ("25/11/2020", "25.11.2020", "25112020"), or YYYY-MM-DD. Arabic-
// Indic digits count as digits. It returns days since 1970-01-01, or NaN
// for anything else or an impossible date; the year must have its four
// digits, so a year still being typed is no date yet.
export function parseTypedDate(text) {
  const s = String(text || '')
    .replace(/[\u0660-\u0669]/g, (c) => String(c.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (c) => String(c.charCodeAt(0) - 0x06F0))
    .replace(/[\u200E\u200F\u061C\u0640]/g, '')
    .trim();
  const make = (y, m, d) => parseDay(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return make(m[1], m[2], m[3]);
  m = /^(\d{1,2})\s*[./\-\s]\s*(\d{1,2})\s*[./\-\s]\s*(\d{4})$/.exec(s) || /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (m) return make(m[3], m[2], m[1]);
  // Words: one four-digit year, one day of one or two digits, one month.
  const tokens = s.toLocaleLowerCase().split(/[\s,.،/\-]+/).filter(Boolean);
  let year = null; let day = null; let month = null;
  for (const tok of tokens) {
    if (/^\d{4}$/.test(tok)) { if (year !== null) return NaN; year = +tok; continue; }
    if (/^\d{1,2}$/.test(tok)) { if (day !== null) return NaN; day = +tok; continue; }
    if (/\d/.test(tok)) return NaN;
    const k = monthOf(tok);
    if (k === null) continue; // a word of the layout, such as "թ"
    if (month !== null && month !== k) return NaN;
    month = k;
  }
  if (year === null || day === null || month === null) return NaN;
  return make(year, month + 1, day);
}

// monthOf finds the month a word names, in the page's language or in
// English: the whole name, or a start of three letters or more that only
// one month's names share. It returns 0-11 or null.
function monthOf(word) {
  const lists = [englishWords.months];
  if (words) lists.push(words.months, words.months_alone || words.months);
  const found = new Set();
  for (const list of lists) {
    list.forEach((name, i) => {
      const n = name.toLocaleLowerCase();
      if (n === word || (word.length >= 3 && n.startsWith(word))) found.add(i);
    });
  }
  for (const list of lists) {
    const exact = list.findIndex((name) => name.toLocaleLowerCase() === word);
    if (exact >= 0) return exact;
  }
  return found.size === 1 ? [...found][0] : null;
}

export function dayString(day) {
  return new Date(day * MS_DAY).toISOString().slice(0, 10);
}
