-- A crawler for wrk: every request asks for the next path of a list, never one twice while
-- the list lasts. Usage:
--   wrk -t2 -c50 -d10s -s bench/crawl.lua http://127.0.0.1:PORT -- PATHS 2
-- where PATHS is a file with one path (/sk/novinky/...) a line and 2 is wrk's thread count
-- (-t; setup() cannot know it yet when a thread starts). Thread n of N takes the
-- paths n, n + N, n + 2N ..., so the threads never share one; a thread that reaches the end
-- of the list starts it again (bench/crawl.py writes more paths than a run asks for).

local threads = 0

function setup(thread)
   threads = threads + 1
   thread:set("id", threads)
end

function init(args)
   paths = {}
   for line in io.lines(args[1]) do
      if line ~= "" then
         paths[#paths + 1] = line
      end
   end
   step = tonumber(args[2]) or 1
   nxt = id
end

function request()
   local path = paths[nxt]
   nxt = nxt + step
   if nxt > #paths then
      nxt = id
   end
   return wrk.format("GET", path)
end
