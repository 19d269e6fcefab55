from datetime import UTC, date, datetime

from comparateur.demo_cmd import crawl_days


def test_thirteen_crawls_over_more_than_sixty_days_ending_today():
    days = crawl_days(date(2026, 11, 29))
    assert len(days) == 13
    assert days[-1] == datetime(2026, 11, 29, tzinfo=UTC)
    assert (days[-1] - days[0]).days >= 60
    assert days == sorted(set(days))


def test_reruns_find_the_same_days_until_a_grid_day_passes():
    assert crawl_days(date(2026, 11, 27))[:-1] == crawl_days(date(2026, 11, 28))[:-1]
    later = crawl_days(date(2026, 12, 2))
    assert later[-2] > crawl_days(date(2026, 11, 28))[-2]


def test_grid_day_itself_is_not_crawled_twice():
    days = crawl_days(date(2026, 11, 25))
    assert len(set(d.date() for d in days)) == 13
