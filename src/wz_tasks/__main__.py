from wz_tasks.replay import main

main()
