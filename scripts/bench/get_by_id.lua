-- wrk: GET /api/v1/initiatives/{id}, each request an id drawn at random from the file
-- $BENCH_IDS (one UUID a line). The token comes from wrk's -H.
dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")

local ids = {}

function init(args)
  for line in io.lines(os.getenv("BENCH_IDS")) do
    if #line > 0 then ids[#ids + 1] = line end
  end
  assert(#ids > 0, "no ids in " .. os.getenv("BENCH_IDS"))
  -- A different sequence per thread.
  math.randomseed(os.time() + math.floor(os.clock() * 1e6) + #tostring({}))
end

function request()
  return wrk.format("GET", "/api/v1/initiatives/" .. ids[math.random(#ids)])
end
