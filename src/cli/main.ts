import { ConfigError } from '../server/config.ts';
import { serve } from './serve.ts';

const usage = `用法: shijian <命令>
  serve [--demo|--no-demo]   启动服务（PGlite 默认载入演示数据；PostgreSQL 需 --demo）
  migrate                    仅执行数据库迁移
  import entities 文件 [--mode all|validOnly] [--as 用户名]   批量导入市场主体（XLSX/CSV）
  seed --entities N          载入示范区市场主体（可扩展到150万、2000万户）
  verify-draw proof.json     复核双随机抽取证明（match / no match）
  kitchen-alert-demo [--camera DEMO-1-1] [--type noHat] [--bad-signature]   发送一条签名的明厨亮灶演示告警
  verify-placard 网址 [--public-key 公钥文件]   离线核验食品安全公示牌二维码的签名（valid / forged）
  verify-plate 网址 [--public-key 公钥文件]     离线核验电梯使用标志二维码的签名（valid / forged）
  rollup publish|subscribe|unsubscribe|status   省级汇总（PostgreSQL 逻辑复制；详见 shijian rollup）
  placard-keys [--json]      打印二维码签名公钥（公示牌与电梯使用标志共用，供离线核验分发）`;

async function main(argv: string[]) {
  const [command, ...args] = argv;
  switch (command) {
    case 'serve':
      return serve(args);
    case 'migrate': {
      const { loadConfig } = await import('../server/config.ts');
      const { openDatabase } = await import('../db/open.ts');
      const { migrate } = await import('../db/migrate.ts');
      const db = await openDatabase(loadConfig());
      const done = await migrate(db, (m) => console.log(m));
      console.log(done.length ? `完成 ${done.length} 个迁移` : '数据库已是最新');
      return db.close();
    }
    case 'import':
      return (await import('./import.ts')).importCommand(args);
    case 'seed':
      return (await import('./seed.ts')).seedCommand(args);
    case 'verify-draw':
      process.exitCode = (await import('./verify-draw.ts')).verifyDrawCommand(args);
      return;
    case 'kitchen-alert-demo':
      process.exitCode = await (await import('./kitchen-alert-demo.ts')).kitchenAlertDemoCommand(args);
      return;
    case 'verify-placard':
      process.exitCode = await (await import('./verify-placard.ts')).verifyPlacardCommand(args);
      return;
    case 'verify-plate':
      process.exitCode = await (await import('./verify-plate.ts')).verifyPlateCommand(args);
      return;
    case 'rollup':
      process.exitCode = await (await import('./rollup.ts')).rollupCommand(args);
      return;
    case 'placard-keys':
      return (await import('./placard-keys.ts')).placardKeysCommand(args);
    default:
      console.log(usage);
      process.exitCode = command ? 2 : 0;
  }
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
