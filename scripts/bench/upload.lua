-- wrk: POST /api/v1/files, every request the same multipart body read from $BENCH_UPLOAD_BODY
-- (the form's fields, then a 5 MiB file), with its boundary from $BENCH_UPLOAD_BOUNDARY.
-- The same bytes each time: the server streams, hashes and stores them, then keeps one copy.
dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")

local body

function init(args)
  local f = assert(io.open(os.getenv("BENCH_UPLOAD_BODY"), "rb"))
  body = f:read("*a")
  f:close()
  wrk.method = "POST"
  wrk.body = body
  wrk.headers["Content-Type"] = "multipart/form-data; boundary=" .. os.getenv("BENCH_UPLOAD_BOUNDARY")
end
