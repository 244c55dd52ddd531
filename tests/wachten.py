"""Waiting in tests: poll for a positive signal with a deadline, never sleep and then assert.

A test that sleeps and then asserts that nothing happened also passes when nothing ran at all,
and a test that sleeps a fixed time fails on a busy machine. `wacht_tot` returns as soon as the
condition holds, so a generous deadline costs nothing when the machine is quick.
"""

import time

#: The default deadline: generous, because the suite must also pass beside other work on a
#: machine with two cores.
DEADLINE_SECONDEN = 90


def wacht_tot(voorwaarde, seconden: float = DEADLINE_SECONDEN, stap: float = 0.1):
    """Calls `voorwaarde()` until it gives a true value, and returns that value; returns False
    once `seconden` have passed without one."""
    einde = time.monotonic() + seconden
    while True:
        uitkomst = voorwaarde()
        if uitkomst:
            return uitkomst
        if time.monotonic() >= einde:
            return False
        # The pause between two checks of a positive condition, never before an assertion:
        # the caller asserts on what `voorwaarde` returned, so a slow machine only waits longer.
        time.sleep(stap)


def wis_eigen_cache(alias: str = "default") -> None:
    """Removes the keys under the cache's own prefix, and nothing else: the Redis database is
    shared with other checkouts, so FLUSHDB (what `cache.clear()` does there) is never used."""
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    cache = caches[alias]
    if not isinstance(cache, RedisCache):
        cache.clear()  # a cache of this process alone (locmem, dummy)
        return
    client = cache._cache.get_client(write=True)
    sleutels = list(client.scan_iter(match=f"{cache.key_prefix}:*", count=1000))
    if sleutels:
        client.delete(*sleutels)
