-- wrk: the URL given on the command line, every time; only adds the report line.
dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")
