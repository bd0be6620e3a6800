// Dates: each row is a text, a reference time and the compact dump of what
// find_dates reports (dump_dates). Then the seed article, the unresolved
// forms without a reference, the JSON writer, bad inputs, and the contracts
// on the shared corpora (spans inside the text, in order, never overlapping).
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

#include "dates/hijri.h"
#include "marsad/dates.h"
#include "marsad/io.h"
#include "marsad/json.h"
#include "marsad/timestamp.h"
#include "marsad/tokenize.h"

namespace marsad {
namespace {

std::vector<TimeExpression> find(std::string_view text, std::string_view now, const DateOptions& opt = {}) {
  std::optional<Timestamp> ref;
  if (!now.empty()) {
    Result<Timestamp> t = parse_timestamp(now);
    EXPECT_TRUE(t.ok()) << now;
    if (t) ref = *t;
  }
  Tokenized t = tokenize(text);
  return find_dates(text, t, 0, t.tokens.size(), ref, opt);
}

std::string dump(std::string_view text, std::string_view now, const DateOptions& opt = {}) {
  return dump_dates(find(text, now, opt));
}

struct Row {
  const char* now;
  const char* text;
  const char* want;
};

void check(const std::vector<Row>& rows) {
  for (const Row& r : rows) EXPECT_EQ(dump(r.text, r.now), r.want) << r.text;
}

TEST(Dates, MonthNamesOfEveryFamily) {
  check({
      {"2025-11-25", "وفي يناير الماضي وقع الاتفاق", "[يناير الماضي]datetime:2025-01-01/month {direction:-1}"},
      {"2025-11-25", "بدجنبر 2020", "[بدجنبر 2020]datetime:2020-12-01/month"},
      {"2025-11-25", "ذلك في 10 كانون الأول 2020", "[10 كانون الأول 2020]datetime:2020-12-10/day"},
      {"2025-11-25", "بتاريخ 3 شباط/فبراير 2021", "[3 شباط/فبراير 2021]datetime:2021-02-03/day"},
      {"2025-11-25", "في أيلول/سبتمبر الماضي", "[أيلول/سبتمبر الماضي]datetime:2025-09-01/month {direction:-1}"},
      {"2025-11-25", "في (سبتمبر) أيلول الماضي", "[(سبتمبر) أيلول الماضي]datetime:2025-09-01/month {direction:-1}"},
      {"2025-11-25", "في 29 مايو (أيار) الماضي", "[29 مايو (أيار) الماضي]datetime:2025-05-29/day {direction:-1}"},
      {"2025-11-25", "الأربعاء 18 جانفي 2017", "[الأربعاء 18 جانفي 2017]datetime:2017-01-18/day {weekday:wednesday}"},
      {"2025-11-25", "يوم 5 جوان و20 جويلية و3 أوت 2019",
       "[يوم 5 جوان]datetime:2019-06-05/day [20 جويلية]datetime:2019-07-20/day [3 أوت 2019]datetime:2019-08-03/day"},
      {"2025-11-25", "في 20 غشت 2019 و15 شتنبر 2020",
       "[20 غشت 2019]datetime:2019-08-20/day [15 شتنبر 2020]datetime:2020-09-15/day"},
      {"2025-11-25", "بتاريخ ١٠ دجنبر ٢٠٢٠", "[١٠ دجنبر ٢٠٢٠]datetime:2020-12-10/day"},
      {"2025-11-25", "في الخامس من يونيو والحادي والعشرين من مارس",
       "[الخامس من يونيو]datetime:2025-06-05/day [والحادي والعشرين من مارس]datetime:2025-03-21/day"},
      // Ambiguous names need a number, a year, شهر or a direction beside them.
      {"2025-11-25", "مارس الضغط على الحكومة", ""},
      {"2025-11-25", "قال الأب إن آب سيأتي", ""},
      {"2025-11-25", "في شهر مارس", "[شهر مارس]datetime:2025-03-01/month"},
  });
}

TEST(Dates, HijriDates) {
  check({
      {"2025-11-25", "الموافق 15 رمضان 1445", "[15 رمضان 1445]datetime:2024-03-25/day hijri"},
      {"2025-11-25", "في 1441هـ", "[1441هـ]datetime:2019-08-31..2020-08-20/year hijri"},
      {"2025-11-25", "قرار 14-09-1432 هـ", "[14-09-1432 هـ]datetime:2011-08-14/day hijri"},
      {"2025-11-25", "في 10/10/1436هـ", "[10/10/1436هـ]datetime:2015-07-26/day hijri"},
      {"2025-11-25", "شهر رمضان", "[شهر رمضان]datetime:2025-03-01..2025-03-30/month hijri"},
      {"2025-11-25", "يوم 14 شوال الجاري", "[يوم 14 شوال الجاري]datetime:2026-04-02/day hijri {direction:0}"},
  });
  long days = 0;
  ASSERT_TRUE(internal::hijri_to_days(1432, 9, 14, days));
  EXPECT_EQ(days, days_from_civil(2011, 8, 14));
  EXPECT_FALSE(internal::hijri_to_days(1433, 2, 31, days));
}

TEST(Dates, NumericDatesAndYears) {
  check({
      {"2025-11-25", "وصدر في 10/12/2020 وفي 2020-12-10 وفي 12/2020",
       "[10/12/2020]datetime:2020-12-10/day [2020-12-10]datetime:2020-12-10/day [12/2020]datetime:2020-12-01/month"},
      {"2025-11-25", "في 10.12.2020", "[10.12.2020]datetime:2020-12-10/day"},
      {"2025-11-25", "في 05/22/2020", "[05/22/2020]datetime:2020-05-22/day"},
      {"2025-11-25", "عام 2020 وسنة 2019م ولسنة 2026 وفي 2026",
       "[عام 2020]datetime:2020-01-01/year [وسنة 2019م]datetime:2019-01-01/year [ولسنة 2026]datetime:2026-01-01/year "
       "[2026]datetime:2026-01-01/year"},
      {"2025-11-25", "العام 1999م", "[العام 1999م]datetime:1999-01-01/year"},
  });
  DateOptions month_first;
  month_first.day_first = false;
  EXPECT_EQ(dump("في 10/12/2020", "2025-11-25", month_first), "[10/12/2020]datetime:2020-10-12/day");
}

TEST(Dates, WeekdaysAndRelativeDays) {
  check({
      {"2025-11-25", "وقّع الطرفان أمس الاثنين بالعاصمة",
       "[أمس الاثنين]datetime:2025-11-24/day {days:-1,weekday:monday}"},
      // A scrape a day late: the weekday wins and the disagreement is flagged.
      {"2025-11-25", "أعلن اليوم (الاثنين)", "[اليوم (الاثنين)]datetime:2025-11-24/day conflict {days:0,weekday:monday}"},
      {"2025-11-25", "أعلن اليوم الثلاثاء", "[اليوم الثلاثاء]datetime:2025-11-25/day {days:0,weekday:tuesday}"},
      {"2025-11-25", "يوم الاثنين الماضي والاثنين المقبل",
       "[يوم الاثنين الماضي]datetime:2025-11-24/day {direction:-1,weekday:monday} "
       "[والاثنين المقبل]datetime:2025-12-01/day {direction:1,weekday:monday}"},
      {"2025-11-25", "التقى الوزير الخميس", "[الخميس]datetime:2025-11-20/day {weekday:thursday}"},
      {"2025-11-25", "ستعقد القمة الخميس", "[الخميس]datetime:2025-11-27/day {weekday:thursday}"},
      {"2025-11-25", "البارحة وأول أمس وغدا وبعد غد",
       "[البارحة]datetime:2025-11-24/day {days:-1} [وأول أمس]datetime:2025-11-23/day {days:-2} "
       "[وغدا]datetime:2025-11-26/day {days:1} [وبعد غد]datetime:2025-11-27/day {days:2}"},
      {"2025-11-25", "صباح اليوم ومساء أمس وفجر الخميس والليلة",
       "[صباح اليوم]datetime:2025-11-25/day part=morning {days:0} [ومساء أمس]datetime:2025-11-24/day part=evening "
       "{days:-1} [وفجر الخميس]datetime:2025-11-20/day part=dawn {weekday:thursday} [والليلة]datetime:2025-11-25/day "
       "part=night {days:0}"},
      {"2025-11-25", "اليوم الوطني وصحيفة الغد", ""},
  });
}

TEST(Dates, RelativePeriodsAndOffsets) {
  check({
      {"2025-11-25", "الأسبوع الماضي والشهر المقبل والعام الجاري وهذا العام",
       "[الأسبوع الماضي]datetime:2025-11-17/week {weeks:-1} [والشهر المقبل]datetime:2025-12-01/month {months:1} "
       "[والعام الجاري]datetime:2025-01-01/year {years:0} [وهذا العام]datetime:2025-01-01/year {years:0}"},
      {"2025-11-25", "مطلع الشهر الجاري ونهاية الأسبوع وأواخر 2019",
       "[مطلع الشهر الجاري]datetime:2025-11-01/month part=early {months:0} [ونهاية الأسبوع]datetime:2025-11-24/week "
       "part=late {weeks:0} [وأواخر 2019]datetime:2019-01-01/year part=late"},
      {"2025-11-25", "منذ يومين وقبل ثلاثة أيام وبعد أسبوعين",
       "[منذ يومين]datetime:2025-11-23/day {days:-2} [وقبل ثلاثة أيام]datetime:2025-11-22/day {days:-3} "
       "[وبعد أسبوعين]datetime:2025-12-08/week {weeks:2}"},
      {"2025-11-25", "منذ 21 يوما وقبل عامين",
       "[منذ 21 يوما]datetime:2025-11-04/day {days:-21} [وقبل عامين]datetime:2023-01-01/year {years:-2}"},
      {"2025-11-25", "خلال الأيام الثلاثة الماضية", "[خلال الأيام الثلاثة الماضية]interval:2025-11-22..2025-11-25/day {days:-3}"},
      {"2025-11-25T10:00:00+03:00", "خلال الساعات الـ24 الماضية",
       "[خلال الساعات الـ24 الماضية]interval:2025-11-24T10:00+03:00..2025-11-25T10:00+03:00/hour {hours:-24}"},
      // Hours ago need the reference's time of day: without it, unresolved.
      {"2025-11-25", "منذ ساعتين", "[منذ ساعتين]datetime:?/hour {hours:-2}"},
      {"2025-11-25", "الربع الأول من العام الجاري", "[الربع الأول من العام الجاري]datetime:2025-01-01/quarter {years:0}"},
      // Counted from another event, not from the reference: a duration.
      {"2025-11-25", "بعد ثلاثة أيام من الهجوم", "[ثلاثة أيام]duration:P3D"},
  });
}

TEST(Dates, ClockTimes) {
  check({
      {"2025-11-25T10:00:00+03:00", "الساعة الثالثة بعد الظهر",
       "[الساعة الثالثة بعد الظهر]datetime:2025-11-25T15:00+03:00/hour part=afternoon"},
      {"2025-11-25T10:00:00+03:00", "على الساعة 8 مساء بتوقيت غرينتش",
       "[الساعة 8 مساء بتوقيت غرينتش]datetime:2025-11-25T23:00+03:00/hour part=evening"},
      {"2025-11-25T10:00:00+03:00", "في 14:30", "[14:30]datetime:2025-11-25T14:30+03:00/minute"},
      {"2025-11-25T10:00:00+03:00", "العاشرة والنصف صباحا",
       "[العاشرة والنصف صباحا]datetime:2025-11-25T10:30+03:00/minute part=morning"},
      {"2025-11-25T10:00:00+03:00", "الساعة العاشرة من صباح اليوم",
       "[الساعة العاشرة من صباح اليوم]datetime:2025-11-25T10:00+03:00/hour part=morning {days:0}"},
      {"2025-11-25", "6 يناير، 2015، الساعة 05:16 مساءً", "[6 يناير، 2015، الساعة 05:16 مساءً]datetime:2015-01-06T17:16/minute part=evening"},
      // الخامسة is an hour only after الساعة or with a part of the day.
      {"2025-11-25", "في الذكرى الخامسة والدورة الثالثة", ""},
  });
}

TEST(Dates, IntervalsDurationsSetsHolidays) {
  check({
      {"2025-11-25", "من 13 إلى 15 تموز", "[من 13 إلى 15 تموز]interval:2025-07-13..2025-07-16/day"},
      {"2025-11-25", "يومي 25 و26 يونيو 2019", "[يومي 25 و26 يونيو 2019]interval:2019-06-25..2019-06-27/day"},
      {"2025-11-25", "بين عامي 2010 و2015", "[بين عامي 2010 و2015]interval:2010-01-01..2016-01-01/year"},
      {"2025-11-25", "خلال الفترة من 1 إلى 5 مارس 2024", "[من 1 إلى 5 مارس 2024]interval:2024-03-01..2024-03-06/day"},
      {"2025-11-25", "من الاثنين إلى الجمعة",
       "[من الاثنين إلى الجمعة]interval:2025-11-24..2025-11-29/day {weekday:monday}"},
      {"2025-11-25", "موسم 2019/2020", "[2019/2020]interval:2019-01-01..2021-01-01/year"},
      {"2025-11-25", "في 8 آذار و14 آذار", "[8 آذار]datetime:2025-03-08/day [14 آذار]datetime:2025-03-14/day"},
      {"2025-11-25", "لمدة ثلاثة أيام", "[لمدة ثلاثة أيام]duration:P3D"},
      {"2025-11-25", "استمرت خمس سنوات", "[خمس سنوات]duration:P5Y"},
      {"2025-11-25", "كل يوم اثنين", "[كل يوم اثنين]set:P1W {weekday:monday}"},
      {"2025-11-25", "تعقد كل أربع سنوات", "[كل أربع سنوات]set:P4Y"},
      {"2025-11-25", "تصدر يوميا", "[يوميا]set:P1D"},
      {"2025-11-25", "عيد الفطر", "[عيد الفطر]datetime:2026-03-20/day hijri eid_al_fitr"},
      {"2025-11-25", "عيد الأضحى الماضي", "[عيد الأضحى الماضي]datetime:2025-06-06/day hijri eid_al_adha {direction:-1}"},
      {"2025-11-25", "بعيد الفطر المبارك لعام ١٤٣٦هـ", "[بعيد الفطر المبارك لعام ١٤٣٦هـ]datetime:2015-07-17/day hijri eid_al_fitr"},
      {"2025-11-25", "المولد النبوي الشريف", "[المولد النبوي الشريف]datetime:2025-09-04/day hijri mawlid"},
      {"2025-11-25", "رأس السنة", "[رأس السنة]datetime:2026-01-01/day new_year"},
  });
}

// Shaped like dates, or near date words, but not dates: nothing, and no crash.
TEST(Dates, NoFalseDates) {
  std::string long_digits(5000, '7');
  check({
      {"2025-11-25", "بلغت 2026 دولار", ""},
      {"2025-11-25", "في 2026 دولار", ""},
      {"2025-11-25", "31 فبراير 2020", ""},
      {"2025-11-25", "31 فبراير", ""},
      {"2025-11-25", "في 31/02/2020", ""},
      {"2025-11-25", "عام 0", ""},
      {"2025-11-25", "سنة 0000", ""},
      {"2025-11-25", "عام", ""},
      {"2025-11-25", "الأمين العام للأمم المتحدة", ""},
      {"2025-11-25", "123456789012345678901234567890", ""},
      {"2025-11-25", "في 123456789012345678901234567890", ""},
      {"2025-11-25", "عام 99999999999999999999 ميلادي", ""},
      {"2025-11-25", "اتصلوا على 0661-12-20-20 أو 05 22 12 34 56", ""},
      {"2025-11-25", "فاز الفريق 2-1 و3:0", ""},
      {"2025-11-25", "الصفحة 2020 من التقرير", ""},
      {"2025-11-25", "الرقم 1/2/2020/5 والرقم 12/10/2020/55", ""},
      {"2025-11-25", "النصف الثاني من المباراة", ""},
      {"2025-11-25", "نحو 40% في 2020", "[2020]datetime:2020-01-01/year"},
  });
  EXPECT_EQ(dump("في " + long_digits + " يناير", "2025-11-25"), "[يناير]datetime:2025-01-01/month");
  EXPECT_EQ(dump(long_digits + "/" + long_digits + "/" + long_digits, "2025-11-25"), "");
}

TEST(Dates, UnresolvedWithoutReference) {
  check({
      {"", "أمس الاثنين", "[أمس الاثنين]datetime:?/day {days:-1,weekday:monday}"},
      {"", "الأسبوع الماضي", "[الأسبوع الماضي]datetime:?/week {weeks:-1}"},
      {"", "10 دجنبر", "[10 دجنبر]datetime:?/day {month:12,day:10}"},
      {"", "10 دجنبر 2020", "[10 دجنبر 2020]datetime:2020-12-10/day"},
      {"", "عيد الفطر", "[عيد الفطر]datetime:?/day hijri eid_al_fitr"},
      {"", "لمدة يومين", "[لمدة يومين]duration:P2D"},
  });
}

// Regressions found reading real sentences, named after what broke.
TEST(Dates, RegressionsFromTheCorpora) {
  check({
      // لامس is "touched": ل + أمس is not a reading, أمس takes no preposition.
      {"2025-11-25", "ولامس المؤشر هذا المستوى", ""},
      // في اليوم is "per day"; ذلك اليوم and نفس اليوم point elsewhere.
      {"2025-11-25", "4 حقن في اليوم في نفس اليوم لمثل ذلك اليوم", ""},
      {"2025-11-25", "ولم تتطرق جلسة اليوم إلى حالة الفتاتين", "[اليوم]datetime:2025-11-25/day {days:0}"},
      // The year number wins over the period word it follows.
      {"2025-11-25", "بنهاية العام الماضي 2014", "[بنهاية العام الماضي 2014]datetime:2014-01-01/year part=late"},
      // A year list shares its year; a list of days is not a span.
      {"2025-11-25", "في 2 و21 و30 ماي 2019", "[30 ماي 2019]datetime:2019-05-30/day"},
      // Archive citations and years in brackets.
      {"2025-11-25", "جريدة فلسطين / شباط ( 28 / 2 / 1945 ) .", "[شباط ( 28 / 2 / 1945 )]datetime:1945-02-28/day"},
      {"2025-11-25", "مضابط بلدية نابلس عام ( 1325 ) هجري", "[عام ( 1325 ) هجري]datetime:1907-02-14..1908-02-04/year hijri"},
      {"2025-11-25", "أمر تبليغ إلى محمد يوسف ( 1948 ) .", "[1948]datetime:1948-01-01/year"},
      {"2025-11-25", "الموافق : 20 / شعبان / 1428 هجرية", "[20 / شعبان / 1428 هجرية]datetime:2007-09-02/day hijri"},
      // A year after a month has four digits (919 is a count of consultations).
      {"2025-11-25", "منذ بداية يناير / كانون الثاني 919 استشارة",
       "[بداية يناير / كانون الثاني]datetime:2025-01-01/month part=early"},
      // Events named by their year; sums in millions; greetings; surnames; names in quotes.
      {"2025-11-25", "قبل انطلاق كأس العالم 2018 وبعد الانتفاضة الأولى 1987",
       "[2018]datetime:2018-01-01/year [1987]datetime:1987-01-01/year"},
      {"2025-11-25", "كل عام وأنتم بخير", ""},
      {"2025-11-25", "ويترأس دي مايو الحكومة", ""},
      {"2025-11-25", "في تصريحه لموقع « فبراير »", ""},
      {"2025-11-25", "القانون عدد 52 لسنة 92", ""},
      // Dialect words are data: Moroccan يومه and زوال, Levantine بكرا and الجاي, Tunisian موفى.
      {"2025-11-25", "زوال يومه الاثنين", "[زوال يومه الاثنين]datetime:2025-11-24/day conflict part=afternoon {days:0,weekday:monday}"},
      {"2025-11-25", "انا بكرا يكون في غزة للسنة الجايي",
       "[بكرا]datetime:2025-11-26/day {days:1} [للسنة الجايي]datetime:2026-01-01/year {years:1}"},
      {"2025-11-25", "إلى موفى سبتمبر 2016", "[موفى سبتمبر 2016]datetime:2016-09-01/month part=late"},
      // Scaled units and counts in thousands.
      {"2018-03-27", "منذ ربع قرن وقبل 50 ألف سنة", "[منذ ربع قرن]datetime:1993-01-01/year {years:-25} [50 ألف سنة]duration:P50000Y"},
      // Hijri day 30 of a 29-day month is written before the month is fixed.
      {"2015-08-09", "بدءًا من تاريخ 1 إلى 30 /11 / 1436هـ", "[من تاريخ 1 إلى 30 /11 / 1436هـ]interval:2015-08-16..2015-09-15/day hijri"},
      // A clock takes the day named before it in the sentence.
      {"2017-06-03", "يوم الاربعاء 7 جوان 2017 بداية من 9:30 صباحا",
       "[يوم الاربعاء 7 جوان 2017]datetime:2017-06-07/day {weekday:wednesday} [9:30 صباحا]datetime:2017-06-07T09:30/minute "
       "part=morning {weekday:wednesday}"},
      // المقبل on a day of the month compares days: ten days ahead is this year.
      {"2018-06-18", "في 28 حزيران/يونيو المقبل", "[28 حزيران/يونيو المقبل]datetime:2018-06-28/day {direction:1}"},
      // سانا is an agency, not a future verb: the Sunday is the past one.
      {"2018-04-30", "وتحدث مصدر لوكالة سانا مساء الأحد", "[مساء الأحد]datetime:2018-04-29/day part=evening {weekday:sunday}"},
  });
}

// The seed: exactly three distinct expressions, each where the text has it.
TEST(Dates, SeedArticle) {
  Result<std::string> text = read_file(MARSAD_SOURCE_DIR "/samples/nadorcity-joint-military-plan-2026.txt");
  ASSERT_TRUE(text.ok());
  std::vector<TimeExpression> dates = find(*text, "2025-11-25");
  std::set<std::tuple<std::string, std::string, std::string>> distinct;
  for (const TimeExpression& e : dates) {
    distinct.emplace(e.text, e.value, e.grain);
    EXPECT_EQ(text->substr(e.span.start, e.span.end - e.span.start), e.text);
    EXPECT_TRUE(e.resolved);
    EXPECT_FALSE(e.conflict);
  }
  std::set<std::tuple<std::string, std::string, std::string>> want = {
      {"أمس الاثنين", "2025-11-24T00:00:00+00:00", "day"},
      {"10 دجنبر 2020", "2020-12-10T00:00:00+00:00", "day"},
      {"لسنة 2026", "2026-01-01T00:00:00+00:00", "year"},
  };
  EXPECT_EQ(distinct, want);
  // Every occurrence in the raw file (repeats and title included): 2 + 2 + 5.
  EXPECT_EQ(dates.size(), 9u);
}

TEST(Dates, Json) {
  std::vector<TimeExpression> dates = find("وقع أمس الاثنين لمدة يومين", "2025-11-25T09:30:00+01:00");
  std::string out;
  JsonWriter w(out);
  write_dates_json(w, dates);
  EXPECT_EQ(out,
            "[{\"text\":\"أمس الاثنين\",\"start\":7,\"end\":28,\"kind\":\"datetime\","
            "\"value\":\"2025-11-24T00:00:00+01:00\",\"grain\":\"day\",\"calendar\":\"gregorian\",\"resolved\":true,"
            "\"offset\":{\"days\":-1,\"weekday\":\"monday\"}},"
            "{\"text\":\"لمدة يومين\",\"start\":29,\"end\":48,\"kind\":\"duration\",\"value\":\"\",\"grain\":\"day\","
            "\"duration\":\"P2D\",\"calendar\":\"gregorian\",\"resolved\":true}]");
  EXPECT_FALSE(dates_lexicon_version().empty());
}

// Expressions are found among tokens [first, last) only, with offsets into the whole text.
TEST(Dates, TokenRange) {
  std::string text = "قال أمس إن الاجتماع عقد يوم الجمعة";
  Tokenized t = tokenize(text);
  size_t half = t.tokens.size() / 2;
  std::vector<TimeExpression> all = find_dates(text, t, 0, t.tokens.size(), std::nullopt);
  std::vector<TimeExpression> tail = find_dates(text, t, half, t.tokens.size(), std::nullopt);
  ASSERT_EQ(all.size(), 2u);
  ASSERT_EQ(tail.size(), 1u);
  EXPECT_EQ(tail[0].span.start, all[1].span.start);
  EXPECT_EQ(tail[0].text, "يوم الجمعة");
}

// Spans are inside the text, in order, never overlapping, on random bytes of
// date words, digits and punctuation (a poor man's fuzzer that runs every time).
TEST(Dates, RandomSoupKeepsContracts) {
  const char* pieces[] = {"10", "/", "-", ":", "2020", "يناير", "و", "من", "إلى", "الساعة", "الخامسة", "أمس",
                          "الاثنين", "(", ")", "عام", "1441", "هـ", "منذ", "يومين", " ", " ", "ال", "الماضي",
                          "٢٠٢٠", "9999999999", "بين", "عامي", "كل", "يوم", "مساء", "بتوقيت", "غرينتش", "، "};
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    int n = static_cast<int>(rng() % 20);
    for (int k = 0; k < n; ++k) text += pieces[rng() % std::size(pieces)];
    for (const char* now : {"", "2025-11-25", "2017-01-20T21:43:00+01:00"}) {
      uint32_t last = 0;
      for (const TimeExpression& e : find(text, now)) {
        ASSERT_LE(last, e.span.start) << text;
        ASSERT_LT(e.span.start, e.span.end) << text;
        ASSERT_LE(e.span.end, text.size()) << text;
        last = e.span.end;
      }
    }
  }
}

}  // namespace
}  // namespace marsad
