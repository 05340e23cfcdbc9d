-- wrk: full-text search, GET /api/v1/initiatives?q=…&per_page=20, the query drawn from a
-- small list (from very common to rare words). Keep it in step with pgbench/search.sql.
dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")

local queries = {
  "cai%20cach%20thu%20tuc",
  "so%20hoa%20ho%20so",
  "dich%20vu%20cong%20truc%20tuyen",
  "mot%20cua",
  "ma%20QR",
  "tuyen%20sinh%20dau%20cap",
}

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1e6) + #tostring({}))
end

function request()
  return wrk.format("GET", "/api/v1/initiatives?per_page=20&q=" .. queries[math.random(#queries)])
end
